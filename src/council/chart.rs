//! SVG pictures of the Council standing, drawn at build time so /raad/ needs
//! no JavaScript to show them: a bar chart of population shares against the
//! 65% and 35% lines (the tile map of the member states is in `tiles`).
//!
//! Every position has a colour *and* a pattern and a letter, so the pictures
//! do not rely on colour alone; the table on the page is the accessible
//! alternative. Colours live in `council.css` (classes `pos-*`), patterns in
//! the `<defs>` of the chart, which the map reuses on the same page.

use super::local_text::percent;
use super::model::Position;
use crate::html::escape;
use crate::locale::Locale;

/// One state as drawn: code, name, population and counted position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Country code.
    pub code: String,
    /// Name in the page's language (for tooltips).
    pub name: String,
    /// Population used in the vote.
    pub population: u64,
    /// Counted position.
    pub position: Position,
    /// True when the sources disagree.
    pub disputed: bool,
    /// Tile map place (column, row), if any.
    pub tile: Option<(u32, u32)>,
}

/// The one-letter mark of a position on the map, in the page's language
/// (`council_letter_<position>`): V(oor), T(egen), O(nthouding), ? in Dutch.
pub fn letter(position: Position, locale: &Locale) -> String {
    locale.t(&format!("council_letter_{}", position.as_str()))
}

/// "(betwist)" after a disputed state, with the space before it.
pub(super) fn disputed_mark(disputed: bool, locale: &Locale) -> String {
    if disputed {
        format!(" ({})", locale.t("council_disputed"))
    } else {
        String::new()
    }
}

pub(super) fn class(position: Position) -> &'static str {
    match position {
        Position::Support => "pos-support",
        Position::Oppose => "pos-oppose",
        Position::Abstain => "pos-abstain",
        Position::Undecided => "pos-undecided",
    }
}

pub(super) fn pattern(position: Position) -> Option<&'static str> {
    match position {
        Position::Support => None,
        Position::Oppose => Some("cc-pat-oppose"),
        Position::Abstain => Some("cc-pat-abstain"),
        Position::Undecided => Some("cc-pat-undecided"),
    }
}

const DEFS: &str = r#"<defs>
<pattern id="cc-pat-oppose" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line class="pattern-mark" x1="0" y1="0" x2="0" y2="8"/></pattern>
<pattern id="cc-pat-abstain" width="8" height="8" patternUnits="userSpaceOnUse"><circle class="pattern-dot" cx="4" cy="4" r="1.6"/></pattern>
<pattern id="cc-pat-undecided" width="10" height="10" patternUnits="userSpaceOnUse"><line class="pattern-mark" x1="2" y1="5" x2="8" y2="5"/></pattern>
</defs>"#;

/// Draws `block` as a rectangle at `(x, y)` of size `(w, h)`, with its
/// position's colour and pattern and a tooltip in the page's language.
pub(super) fn rect(
    out: &mut String,
    (x, y, w, h): (u64, u64, u64, u64),
    block: &Block,
    extra_class: &str,
    locale: &Locale,
) {
    let tip = format!(
        "{}: {}{}",
        block.name,
        block.position.label_proposal(locale),
        disputed_mark(block.disputed, locale)
    );
    out.push_str(&format!(
        r#"<g><title>{}</title><rect class="block {}{}" x="{x}" y="{y}" width="{w}" height="{h}"/>"#,
        escape(&tip),
        class(block.position),
        extra_class
    ));
    if let Some(id) = pattern(block.position) {
        out.push_str(&format!(
            r#"<rect class="pattern" x="{x}" y="{y}" width="{w}" height="{h}" fill="url(#{id})"/>"#
        ));
    }
}

/// A chart row: label, the positions it shows and the threshold line (percentage, label).
type Row = (String, &'static [Position], Option<(u128, String)>);

const LEFT: u64 = 8;
const WIDTH: u64 = 424;
/// Width of the drawing.
const VIEW_WIDTH: u64 = 440;
/// Height of one row: two label lines (what and share, then the count), the
/// bar and two lines of threshold label.
const ROW: u64 = 178;

/// The bar chart: supporters' population against the 65% line, the states
/// not in favour (against or abstaining) against the 35% line, and the
/// undecided states. Each state is a block, labelled with its code when wide
/// enough.
///
/// The drawing is 440 units wide with each row's label above its bar, the
/// threshold's percentage beside its line and what it means on a line of
/// its own under the bar, so that on a
/// 360 px phone (about 310 px for the picture) the 22-unit labels stay above
/// 15 px and nothing sticks out; on wide screens the stylesheet caps its
/// width so the labels stay below about 26 px.
pub fn bar_chart(blocks: &[Block], locale: &Locale) -> String {
    let total: u128 = blocks.iter().map(|b| b.population as u128).sum();
    let x_of =
        |pop: u128| -> u64 { LEFT + (pop * WIDTH as u128).checked_div(total).unwrap_or(0) as u64 };
    let rows: [Row; 3] = [
        (
            locale.t("council_chart_in_favour"),
            &[Position::Support],
            Some((65, locale.t("council_chart_needed_to_adopt"))),
        ),
        (
            locale.t("council_chart_not_in_favour"),
            &[Position::Oppose, Position::Abstain],
            Some((35, locale.t("council_chart_blocking_minority"))),
        ),
        (
            locale.t("council_chart_undecided"),
            &[Position::Undecided],
            None,
        ),
    ];
    let height = 10 + ROW * rows.len() as u64;
    let mut svg = format!(
        r#"<svg class="council-chart" viewBox="0 0 {VIEW_WIDTH} {height}" role="img" aria-labelledby="raad-grafiek-titel raad-grafiek-uitleg" xmlns="http://www.w3.org/2000/svg">"#,
    );
    svg.push_str(&format!(
        r#"<title id="raad-grafiek-titel">{}</title>"#,
        escape(&locale.t("council_chart_title"))
    ));
    let mut desc = Vec::new();
    svg.push_str(DEFS);
    for (row, (label, positions, line)) in rows.iter().enumerate() {
        let top = 10 + row as u64 * ROW;
        let y = top + 60;
        let mut members: Vec<&Block> = blocks
            .iter()
            .filter(|b| positions.contains(&b.position))
            .collect();
        members.sort_by(|a, b| b.population.cmp(&a.population).then(a.code.cmp(&b.code)));
        let sum: u64 = members.iter().map(|b| b.population).sum();
        let share = percent(sum, total as u64, locale);
        let count = locale.tn("council_states_count", members.len() as i64);
        desc.push(format!("{label}: {count}, {share}"));
        svg.push_str(&format!(
            r#"<text class="chart-label" x="{LEFT}" y="{}">{}: {share}</text><text class="chart-label chart-share" x="{LEFT}" y="{}">{}</text>"#,
            top + 22,
            escape(label),
            top + 50,
            escape(&count),
        ));
        svg.push_str(&format!(
            r#"<rect class="chart-track" x="{LEFT}" y="{y}" width="{WIDTH}" height="44"/>"#
        ));
        let mut acc: u128 = 0;
        for block in members {
            let x = x_of(acc);
            acc += block.population as u128;
            let w = x_of(acc).saturating_sub(x);
            rect(&mut svg, (x, y, w, 44), block, "", locale);
            if w >= 36 {
                svg.push_str(&format!(
                    r#"<text class="block-label" x="{}" y="{}" text-anchor="middle">{}</text>"#,
                    x + w / 2,
                    y + 29,
                    escape(&block.code)
                ));
            }
            svg.push_str("</g>");
        }
        if let Some((pct, text)) = line {
            let x = LEFT + (*pct as u64 * WIDTH) / 100;
            // The label goes on the side of the line with the most room.
            let (anchor, tx) = if *pct > 50 {
                ("end", x - 4)
            } else {
                ("start", x + 4)
            };
            svg.push_str(&format!(
                r#"<line class="chart-line" x1="{x}" y1="{}" x2="{x}" y2="{}"/><text class="chart-line-label" x="{tx}" y="{}" text-anchor="{anchor}">{pct}%</text><text class="chart-line-label" x="{LEFT}" y="{}">{pct}%: {}</text>"#,
                y - 6,
                y + 70,
                y + 66,
                y + 92,
                escape(text),
            ));
        }
    }
    svg.push_str(&format!(
        r#"<desc id="raad-grafiek-uitleg">{}. {}</desc>"#,
        escape(&desc.join("; ")),
        escape(&locale.t("council_chart_description"))
    ));
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(code: &str, population: u64, position: Position, tile: (u32, u32)) -> Block {
        Block {
            code: code.to_string(),
            name: format!("Land {code}"),
            population,
            position,
            disputed: code == "IT",
            tile: Some(tile),
        }
    }

    fn blocks() -> Vec<Block> {
        vec![
            block("DE", 60, Position::Support, (0, 0)),
            block("NL", 15, Position::Oppose, (1, 0)),
            block("IT", 20, Position::Abstain, (0, 1)),
            block("MT", 5, Position::Undecided, (1, 1)),
        ]
    }

    #[test]
    fn chart_has_both_lines_and_a_block_per_state() {
        let svg = bar_chart(&blocks(), &Locale::builtin("nl"));
        assert!(
            svg.contains("65%: nodig om aan te nemen")
                && svg.contains("35%: blokkerende minderheid")
        );
        assert_eq!(svg.matches(r#"class="block "#).count(), 4);
        // 65% of 424 units from x = 8, and 35%.
        assert!(svg.contains(r#"x1="283""#), "{svg}");
        assert!(svg.contains(r#"x1="156""#), "{svg}");
        assert!(svg.contains("Voor het voorstel: 1 lidstaat, 60,0%"));
        assert!(svg.contains("Land IT: onthouding (betwist)"));
        assert!(!svg.contains("style="));
    }

    #[test]
    fn the_chart_speaks_the_page_language() {
        let svg = bar_chart(&blocks(), &Locale::builtin("en"));
        assert!(svg.contains("65%: needed to adopt"), "{svg}");
        assert!(svg.contains("In favour of the proposal: 1 member state, 60.0%"));
        assert!(svg.contains("Land IT: abstention (disputed)"));
        for dutch in ["lidsta", "voorstel", "betwist", "Bevolking", "blokkerende"] {
            assert!(!svg.contains(dutch), "{dutch} in {svg}");
        }
    }

    #[test]
    fn empty_input_draws_without_panicking() {
        assert!(bar_chart(&[], &Locale::builtin("nl")).ends_with("</svg>"));
    }
}
