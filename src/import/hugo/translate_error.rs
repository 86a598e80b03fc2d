//! Why `import hugo` cannot translate a shortcode template: each reason is
//! shown to the editor in MIGRATION.md as what needs a hand port.

/// How deep parentheses may nest in one action (Hugo templates use two or
/// three; the limit keeps the recursive translation's stack small).
pub const MAX_NESTING: usize = 32;

/// Why a Hugo shortcode template cannot be translated; the message is shown
/// to the editor as the reason the shortcode needs a hand port.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TranslateError {
    /// `{{/*` without `*/`.
    #[error("a comment `/*` is never closed")]
    UnclosedComment,
    /// `{{` without `}}`.
    #[error("a `{{{{` is never closed with `}}}}`")]
    UnclosedAction,
    /// `range $a, $b, $c := …`.
    #[error("a `range` with more than two variables")]
    RangeVariables,
    /// `else` with no open block.
    #[error("an `else` outside `if`, `with` or `range`")]
    ElseOutsideBlock,
    /// `else` followed by something that is not a keyword.
    #[error("an `else` followed by something other than `if`")]
    ElseNotIf,
    /// `else` followed by a keyword other than `if`, or `else if` inside `with`/`range`; the keyword.
    #[error("`else {0}` is not supported here")]
    Else(String),
    /// `end` with no open block.
    #[error("an `end` without a block to close")]
    EndWithoutBlock,
    /// `partial`, `template`, `define`, `break`, …: the keyword, which reaches outside the shortcode.
    #[error("`{0}` (templates outside the shortcode) cannot be translated")]
    OutsideShortcode(String),
    /// `if`, `with` or `range` without `end`.
    #[error("a block (`if`, `with` or `range`) is never closed with `end`")]
    UnclosedBlock,
    /// `"…` without its closing quote.
    #[error("a string is never closed")]
    UnclosedString,
    /// A raw string without its closing backtick.
    #[error("a raw string is never closed")]
    UnclosedRawString,
    /// A character that has no meaning in a template action.
    #[error("unexpected `{0}` in a template action")]
    Unexpected(char),
    /// A typographic quote (as pasted from a word processor) where Go needs `"`.
    #[error(
        "a curly quote `{0}` in a template action: Go templates quote strings with straight quotes `\"`"
    )]
    CurlyQuote(char),
    /// Parentheses nested deeper than [`MAX_NESTING`].
    #[error("parentheses nested more than {MAX_NESTING} deep")]
    TooDeep,
    /// The translation is not a valid minijinja template (a form the
    /// translator does not know yet); minijinja's reason.
    #[error("the translation is not a valid template ({0})")]
    Invalid(String),
    /// `{{ }}`.
    #[error("an empty template action")]
    EmptyAction,
    /// `(` without `)`.
    #[error("a `(` is never closed")]
    UnclosedParen,
    /// `a | | b`.
    #[error("an empty command in a pipeline")]
    EmptyCommand,
    /// `.Get` with anything but a literal name or position.
    #[error("`.Get` with a computed argument cannot be translated")]
    ComputedGet,
    /// A value that is not a function, given arguments.
    #[error("a value followed by arguments cannot be translated")]
    ValueWithArguments,
    /// `$` alone.
    #[error("`$` alone (the whole shortcode) cannot be translated")]
    WholeShortcode,
    /// Any other expression shape.
    #[error("an expression that cannot be translated")]
    Expression,
    /// A field chain with no minijinja counterpart, without its leading dot (`Site.RegularPages`).
    #[error("`.{0}` cannot be translated")]
    Field(String),
    /// A known function given the wrong number of arguments.
    #[error("`{function}` with {count} arguments cannot be translated")]
    Arity {
        /// The function's name.
        function: String,
        /// How many arguments it got (the piped value included).
        count: usize,
    },
    /// A function with no minijinja counterpart; its name.
    #[error("the function `{0}` cannot be translated")]
    Function(String),
}
