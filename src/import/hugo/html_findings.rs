//! What the importer changed in, or noticed about, a page's HTML, as
//! MIGRATION.md lists it: one [`Finding`] per change, with its line.

/// What was changed or noticed in one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The 1-based line in the Markdown body where it was.
    pub line: usize,
    /// What it was.
    pub kind: FindingKind,
}

/// The kinds of HTML the importer removes or reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingKind {
    /// `<script src>` from another host: removed.
    ExternalScript(String),
    /// `<script>` with code in the page: removed.
    InlineScript,
    /// `<iframe>` (a player or widget from another host): replaced by a link.
    Iframe(String),
    /// `<audio>` or `<video>` playing a file from another host: replaced by
    /// a link to it, which makes no request until clicked; the address.
    ExternalMedia(String),
    /// A `style="…"` attribute, which a strict CSP blocks: removed.
    StyleAttribute,
    /// An event-handler attribute (`onerror`, `onclick`, …): removed; its name.
    EventHandler(String),
    /// An address with a scheme other than http(s), mailto or tel
    /// (`javascript:`, `data:`, …), or an `<iframe srcdoc>`: the attribute
    /// removed; its name.
    ScriptAddress(String),
    /// An element that runs code, styles the page or embeds another
    /// document (`object`, `embed`, `style`, `meta`, `base`, …): removed; its name.
    Element(String),
    /// HTML the two readings (Markdown and HTML) did not agree on: every `<`
    /// outside code written as `&lt;`.
    HtmlAsText,
    /// An image loaded from another host: kept, reported.
    ExternalImage(String),
    /// HTML with a `style` attribute or a script in a front-matter field
    /// (such as `lead`): kept, to be fixed by hand.
    FrontMatterHtml,
}

impl FindingKind {
    /// A short Dutch-free description for the report.
    pub fn describe(&self) -> String {
        match self {
            FindingKind::ExternalScript(host) => format!("script from {host} removed"),
            FindingKind::InlineScript => "inline script removed".into(),
            FindingKind::Iframe(url) => format!("iframe replaced by a link to {url}"),
            FindingKind::ExternalMedia(url) => {
                format!("player of a file on another host replaced by a link to {url}")
            }
            FindingKind::StyleAttribute => "style attribute removed".into(),
            FindingKind::EventHandler(name) => format!("event handler `{name}` removed"),
            FindingKind::ScriptAddress(name) => {
                format!("`{name}` removed: its address could run a script or carry a page")
            }
            FindingKind::Element(name) => format!("`<{name}>` removed"),
            FindingKind::HtmlAsText => {
                "HTML that could not be cleaned safely is shown as text: check the page".into()
            }
            FindingKind::ExternalImage(host) => {
                format!("image from {host} kept: it makes visitors' browsers contact that host")
            }
            FindingKind::FrontMatterHtml => {
                "front matter has HTML with a style attribute or script, which the Content-Security-Policy blocks: fix it by hand".into()
            }
        }
    }

    /// True for a change that leaves nothing unsafe behind it (an external
    /// image is only reported).
    pub(super) fn is_removal(&self) -> bool {
        !matches!(
            self,
            FindingKind::ExternalImage(_) | FindingKind::FrontMatterHtml
        )
    }
}
