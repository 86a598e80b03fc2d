//! The `_headers` file (read by Netlify, Cloudflare Pages and similar hosts)
//! with the Content-Security-Policy the generated pages satisfy. `serve`
//! sends the same headers.

use crate::diagnostics::Diagnostics;
use crate::output::Output;

/// The Content-Security-Policy of every page: nothing from other hosts, no
/// inline scripts or styles, no `eval` or WebAssembly.
/// Every place that states the policy (headers, `serve`, a meta tag) uses this.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// The same policy for a `<meta http-equiv="Content-Security-Policy">` tag,
/// so that hosts that ignore `_headers` (GitHub Pages among them) still
/// enforce it: only `frame-ancestors` is left out, which a meta tag cannot set.
pub fn meta_content_security_policy() -> String {
    CONTENT_SECURITY_POLICY
        .split(';')
        .map(str::trim)
        .filter(|d| !d.starts_with("frame-ancestors") && !d.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Security and privacy headers sent with every response.
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Permissions-Policy",
        "browsing-topics=(), interest-cohort=(), camera=(), microphone=(), geolocation=()",
    ),
    ("Cross-Origin-Opener-Policy", "same-origin"),
];

/// Writes `_headers` unless the site's static folder provides its own.
pub fn render_headers(out: &mut Output, diags: &mut Diagnostics) {
    if out.contains("_headers") {
        return;
    }
    let mut text = String::from("/*\n");
    for (name, value) in SECURITY_HEADERS {
        text.push_str(&format!("  {name}: {value}\n"));
    }
    if let Err(e) = out.add("_headers", text, None) {
        diags.push(e);
    }
}
