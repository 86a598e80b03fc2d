//! The tile map of the 27 member states, the first thing /raad/ shows: one
//! square per state at its `tile` place from `states.toml`, coloured,
//! patterned and lettered by position (so colour is not the only cue), each
//! linking to the state's page; and the same standing as a text list grouped
//! by position, for screen readers and as the fallback beside the picture.
//!
//! [`place`] guarantees that every state is drawn exactly once, also when the
//! data gives a state no tile or two states the same one (the loader reports
//! those as mistakes; the picture still shows everyone).

use std::collections::BTreeSet;

use serde::Serialize;

use super::chart::{Block, class, disputed_mark, letter, pattern, rect};
use super::model::Position;
use crate::html::escape;
use crate::locale::Locale;

const TILE: u64 = 64;
const STEP: u64 = 70;
/// Columns used for states without a place when no state has one.
const DEFAULT_COLUMNS: u32 = 6;

/// A state on the map: the block and its (column, row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed<'a> {
    /// The state as drawn.
    pub block: &'a Block,
    /// Column, from 0 at the left.
    pub col: u32,
    /// Row, from 0 at the top.
    pub row: u32,
}

/// Every block on its own tile: the data's place when it is free, otherwise
/// the first free tile in reading order within the map's width (below the
/// map when it is full). Blocks keep their order.
pub fn place(blocks: &[Block]) -> Vec<Placed<'_>> {
    let columns = blocks
        .iter()
        .filter_map(|b| b.tile)
        .map(|t| t.0 + 1)
        .max()
        .unwrap_or(DEFAULT_COLUMNS);
    let mut taken: BTreeSet<(u32, u32)> = BTreeSet::new();
    let mut placed: Vec<Option<(u32, u32)>> = blocks
        .iter()
        .map(|b| b.tile.filter(|&t| taken.insert(t)))
        .collect();
    let mut free = (0u32..)
        .flat_map(|row| (0..columns).map(move |col| (col, row)))
        .filter(|cell| !taken.contains(cell));
    for spot in placed.iter_mut().filter(|p| p.is_none()) {
        *spot = free.next();
    }
    blocks
        .iter()
        .zip(placed)
        .map(|(block, spot)| {
            let (col, row) = spot.unwrap_or((0, 0));
            Placed { block, col, row }
        })
        .collect()
}

/// The tile map: each state a square, coloured and patterned by position,
/// with its code and position letter, linking to its own page (`link(code)`
/// gives the address). The legend ([`map_legend`]) and the list
/// ([`groups`]) are HTML beside it, so the map stays small enough to fit a
/// phone's first screen with readable labels. The patterns come from the
/// `<defs>` of the bar chart on the same page.
///
/// The map is a `group`, not an `img`, because it holds links. Each link's
/// name starts with the state and its position and ends with the visible
/// text of the tile (code and letter, kept apart by a space so they read as
/// two words), so speech users can say what they see.
pub fn tile_map(blocks: &[Block], link: &dyn Fn(&str) -> String, locale: &Locale) -> String {
    let tiles = place(blocks);
    let cols = tiles.iter().map(|t| t.col).max().map_or(0, |c| c + 1) as u64;
    let rows = tiles.iter().map(|t| t.row).max().map_or(0, |r| r + 1) as u64;
    let width = (cols * STEP).saturating_sub(STEP - TILE);
    let height = (rows * STEP).saturating_sub(STEP - TILE);
    let mut svg = format!(
        r#"<svg class="council-map" viewBox="0 0 {width} {height}" role="group" aria-labelledby="raad-kaart-titel" xmlns="http://www.w3.org/2000/svg"><title id="raad-kaart-titel">{}</title>"#,
        escape(&locale.t("council_map_title"))
    );
    for Placed { block, col, row } in tiles {
        let (x, y) = (col as u64 * STEP, row as u64 * STEP);
        let letter = letter(block.position, locale);
        svg.push_str(&format!(
            r#"<a href="{}" aria-label="{}">"#,
            escape(&link(&block.code)),
            escape(&format!(
                "{}: {}{}, {} {letter}",
                block.name,
                block.position.label_proposal(locale),
                disputed_mark(block.disputed, locale),
                block.code
            ))
        ));
        rect(
            &mut svg,
            (x, y, TILE, TILE),
            block,
            if block.disputed { " disputed" } else { "" },
            locale,
        );
        svg.push_str(&format!(
            r#"<text class="tile-code" x="{}" y="{}" text-anchor="middle">{}</text> <text class="tile-letter" x="{}" y="{}" text-anchor="middle">{}</text></g></a>"#,
            x + TILE / 2,
            y + 28,
            escape(&block.code),
            x + TILE / 2,
            y + 52,
            escape(&letter),
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// One position with the states that hold it, for the list beside the map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// `support`, `oppose`, `abstain` or `undecided` (the CSS class `pos-*`).
    pub position: &'static str,
    /// The letter on the map.
    pub letter: String,
    /// What the group is, in the page's language.
    pub label: String,
    /// The states' names, alphabetical, "(betwist)" after a disputed one.
    pub names: Vec<String>,
}

/// The states grouped by position in the legend's order, empty groups left
/// out: the same facts as the map, as text.
pub fn groups(blocks: &[Block], locale: &Locale) -> Vec<Group> {
    Position::ALL
        .into_iter()
        .filter_map(|position| {
            let mut names: Vec<String> = blocks
                .iter()
                .filter(|b| b.position == position)
                .map(|b| format!("{}{}", b.name, disputed_mark(b.disputed, locale)))
                .collect();
            names.sort();
            (!names.is_empty()).then(|| Group {
                position: position.as_str(),
                letter: letter(position, locale),
                label: locale.t(&format!("council_group_{}", position.as_str())),
                names,
            })
        })
        .collect()
}

/// The legend of the tile map as an HTML list: a small swatch with the
/// colour, pattern and letter of each position, and what it means in words.
pub fn map_legend(locale: &Locale) -> String {
    let mut items: Vec<(Option<Position>, String, String)> = Position::ALL
        .into_iter()
        .map(|p| {
            (
                Some(p),
                letter(p, locale),
                locale.t(&format!("council_legend_{}", p.as_str())),
            )
        })
        .collect();
    items.push((None, String::new(), locale.t("council_legend_disputed")));
    let mut html = String::from(r#"<ul class="council-legend">"#);
    for (position, mark, text) in items {
        let swatch = match position {
            Some(position) => {
                let pattern = pattern(position)
                    .map(|id| {
                        format!(
                            r#"<rect class="pattern" x="1" y="1" width="26" height="26" fill="url(#{id})"/>"#
                        )
                    })
                    .unwrap_or_default();
                format!(
                    r#"<rect class="block {}" x="1" y="1" width="26" height="26"/>{pattern}<text class="tile-letter" x="14" y="20" text-anchor="middle">{}</text>"#,
                    class(position),
                    escape(&mark)
                )
            }
            None => {
                r#"<rect class="block pos-undecided disputed" x="2" y="2" width="24" height="24"/>"#
                    .to_string()
            }
        };
        html.push_str(&format!(
            r#"<li><svg class="legend-swatch" viewBox="0 0 28 28" aria-hidden="true" focusable="false">{swatch}</svg> {}{}</li>"#,
            if mark.is_empty() {
                String::new()
            } else {
                format!("{}: ", escape(&mark))
            },
            escape(&text)
        ));
    }
    html.push_str("</ul>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn nl() -> Locale {
        Locale::builtin("nl")
    }

    fn block(code: &str, position: Position, tile: Option<(u32, u32)>) -> Block {
        Block {
            code: code.to_string(),
            name: format!("Land {code}"),
            population: 10,
            position,
            disputed: code == "IT",
            tile,
        }
    }

    fn blocks() -> Vec<Block> {
        vec![
            block("DE", Position::Support, Some((0, 0))),
            block("NL", Position::Oppose, Some((1, 0))),
            block("IT", Position::Abstain, Some((0, 1))),
            block("MT", Position::Undecided, Some((1, 1))),
        ]
    }

    /// The example site's 27 states: each on the map once, on a tile of its
    /// own, at the place `states.toml` gives it.
    #[test]
    fn the_example_layout_places_the_27_states_each_once() {
        let site = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("site");
        let data = crate::council::load(&site).unwrap();
        let blocks: Vec<Block> = data
            .states
            .iter()
            .map(|s| Block {
                code: s.code.to_string(),
                name: s.name_nl.clone(),
                population: 1,
                position: Position::Undecided,
                disputed: false,
                tile: s.tile,
            })
            .collect();
        let placed = place(&blocks);
        assert_eq!(placed.len(), 27);
        let codes: BTreeSet<&str> = placed.iter().map(|p| p.block.code.as_str()).collect();
        assert_eq!(codes.len(), 27, "a state twice");
        let cells: BTreeSet<(u32, u32)> = placed.iter().map(|p| (p.col, p.row)).collect();
        assert_eq!(cells.len(), 27, "two states on one tile");
        for p in &placed {
            assert_eq!(Some((p.col, p.row)), p.block.tile, "{} moved", p.block.code);
        }
        let svg = tile_map(&blocks, &|c| format!("/raad/{c}/"), &nl());
        assert_eq!(svg.matches("<a href=").count(), 27);
    }

    #[test_case(&[Some((0, 0)), Some((1, 1)), None], &[(0, 0), (1, 1), (1, 0)]; "a missing place takes the first free tile")]
    #[test_case(&[Some((1, 0)), Some((1, 0))], &[(1, 0), (0, 0)]; "a taken place moves to a free tile")]
    #[test_case(&[Some((0, 0)), Some((1, 0)), None], &[(0, 0), (1, 0), (0, 1)]; "a full map grows a row")]
    #[test_case(&[None, None], &[(0, 0), (1, 0)]; "no places at all")]
    fn every_state_gets_its_own_tile(tiles: &[Option<(u32, u32)>], expected: &[(u32, u32)]) {
        let blocks: Vec<Block> = tiles
            .iter()
            .enumerate()
            .map(|(i, t)| block(&format!("S{i}"), Position::Support, *t))
            .collect();
        let cells: Vec<(u32, u32)> = place(&blocks).iter().map(|p| (p.col, p.row)).collect();
        assert_eq!(cells, expected);
    }

    #[test]
    fn map_links_every_tile_and_marks_position_with_letter_and_pattern() {
        let svg = tile_map(
            &blocks(),
            &|code| format!("/raad/{}/", code.to_lowercase()),
            &nl(),
        );
        for code in ["de", "nl", "it", "mt"] {
            assert!(svg.contains(&format!(r#"href="/raad/{code}/""#)));
        }
        assert!(svg.contains(r#"fill="url(#cc-pat-oppose)""#));
        assert!(svg.contains(">T</text>") && svg.contains(">V</text>"));
        assert!(svg.contains("disputed"));
        assert!(
            svg.contains(r#"role="group""#),
            "the map holds links, so it is no img"
        );
        assert!(
            svg.contains(r#"aria-label="Land IT: onthouding (betwist), IT O""#),
            "the name ends with the visible code and letter: {svg}"
        );
        assert!(!svg.contains("style="));
    }

    #[test]
    fn groups_list_every_state_under_its_position() {
        let groups = groups(&blocks(), &nl());
        let text: Vec<String> = groups
            .iter()
            .map(|g| format!("{} {}: {}", g.letter, g.label, g.names.join(", ")))
            .collect();
        assert_eq!(
            text,
            [
                "V Voor het voorstel: Land DE",
                "T Tegen het voorstel: Land NL",
                "O Onthouding (telt als tegen): Land IT (betwist)",
                "? Onbeslist of onbekend: Land MT",
            ]
        );
        assert!(
            super::groups(&blocks()[..1], &nl()).len() == 1,
            "empty groups are left out"
        );
    }

    #[test]
    fn legend_explains_every_position_in_words() {
        let html = map_legend(&nl());
        for text in [
            "V: voor",
            "T: tegen",
            "O: onthouding, telt als tegen",
            "?: onbeslist",
            "stippelrand",
        ] {
            assert!(html.contains(text), "{text}: {html}");
        }
        assert!(html.contains(r#"fill="url(#cc-pat-abstain)""#));
        assert_eq!(html.matches(r#"aria-hidden="true""#).count(), 5);
    }

    #[test]
    fn an_empty_map_draws_without_panicking() {
        assert!(tile_map(&[], &|c| c.to_string(), &nl()).ends_with("</svg>"));
        assert!(groups(&[], &nl()).is_empty());
    }

    #[test]
    fn map_legend_and_groups_in_english() {
        let en = Locale::builtin("en");
        let svg = tile_map(&blocks(), &|c| format!("/en/raad/{c}/"), &en);
        assert!(
            svg.contains(r#"aria-label="Land IT: abstention (disputed), IT A""#),
            "{svg}"
        );
        let html = map_legend(&en);
        for text in [
            "Y: in favour of the proposal",
            "N: against the proposal",
            "A: abstention, counts as against",
            "?: undecided",
        ] {
            assert!(html.contains(text), "{text}: {html}");
        }
        let labels: Vec<String> = groups(&blocks(), &en)
            .iter()
            .map(|g| format!("{} {}", g.letter, g.label))
            .collect();
        assert_eq!(labels[0], "Y In favour of the proposal");
        for dutch in ["voorstel", "betwist", "onthouding", "lidsta", "stippel"] {
            assert!(!svg.contains(dutch) && !html.contains(dutch), "{dutch}");
        }
    }
}
