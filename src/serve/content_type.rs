//! The `Content-Type` of a served file, from its extension. Browsers refuse
//! scripts and style sheets with the wrong type (the `nosniff` header makes
//! sure of that), so the preview must get these right like a real host.

use std::path::Path;

/// The media type for `path`, with `charset=utf-8` for text; generic bytes
/// when the extension is unknown.
pub fn for_path(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if path
        .file_name()
        .is_some_and(|name| name == "_headers" || name == "_redirects")
    {
        return "text/plain; charset=utf-8";
    }
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "xml" => "application/xml; charset=utf-8",
        "rss" => "application/rss+xml; charset=utf-8",
        "atom" => "application/atom+xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "ogg" | "oga" => "audio/ogg",
        "opus" => "audio/opus",
        "wav" => "audio/wav",
        "mp4" | "m4v" => "video/mp4",
        "webm" => "video/webm",
        "vtt" => "text/vtt; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("index.html", "text/html; charset=utf-8")]
    #[test_case("css/site.css", "text/css; charset=utf-8")]
    #[test_case("js/search.js", "text/javascript; charset=utf-8")]
    #[test_case("search-index.json", "application/json")]
    #[test_case("index.xml", "application/xml; charset=utf-8")]
    #[test_case("favicon.svg", "image/svg+xml")]
    #[test_case("images/FOTO.JPG", "image/jpeg")]
    #[test_case("robots.txt", "text/plain; charset=utf-8")]
    #[test_case("_headers", "text/plain; charset=utf-8")]
    #[test_case("audio/uitleg.mp3", "audio/mpeg")]
    #[test_case("geheim.bin", "application/octet-stream")]
    #[test_case("zonder-extensie", "application/octet-stream")]
    fn types_by_extension(path: &str, expected: &str) {
        assert_eq!(for_path(Path::new(path)), expected);
    }
}
