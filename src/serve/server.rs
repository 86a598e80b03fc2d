//! The HTTP side of `serve`: answers GET and HEAD from the output folder
//! like a static host would (with the same security headers as `_headers`),
//! adds the live-reload script to HTML, and nothing else.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use super::content_type;
use super::reload::{EVENTS_PATH, LiveReload, SCRIPT, SCRIPT_PATH, inject};
use super::safe_path::{Target, resolve};
use crate::diagnostics::Language;
use crate::render::headers::SECURITY_HEADERS;

/// What every request handler needs.
#[derive(Debug)]
struct AppState {
    root: PathBuf,
    live: Arc<LiveReload>,
    /// The language of the page shown while the site has no 404 page.
    language: Language,
}

/// The preview server's routes: the output folder at `root`, plus the
/// live-reload script and event stream under `/__chatcontrole/`; its own
/// words are in `language`.
pub fn router(root: PathBuf, live: Arc<LiveReload>, language: Language) -> Router {
    Router::new()
        .fallback(handle)
        .with_state(Arc::new(AppState {
            root,
            live,
            language,
        }))
}

async fn handle(State(state): State<Arc<AppState>>, method: Method, uri: Uri) -> Response {
    let mut response = if method != Method::GET && method != Method::HEAD {
        let mut response = text(
            StatusCode::METHOD_NOT_ALLOWED,
            "405 Method Not Allowed: this preview only answers GET and HEAD\n",
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        response
    } else {
        match uri.path() {
            SCRIPT_PATH => with_type(
                StatusCode::OK,
                "text/javascript; charset=utf-8",
                SCRIPT.into(),
            ),
            EVENTS_PATH => state.live.events(),
            path => serve_path(&state, path, uri.query()).await,
        }
    };
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        if let Ok(name) = HeaderName::from_bytes(name.as_bytes()) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn serve_path(state: &AppState, path: &str, query: Option<&str>) -> Response {
    match resolve(&state.root, path) {
        Target::File(file) => match tokio::fs::read(&file).await {
            Ok(bytes) => file_response(state, StatusCode::OK, &file, bytes),
            Err(_) => not_found(state).await,
        },
        Target::Redirect(location) => {
            let location = match query {
                Some(query) => format!("{location}?{query}"),
                None => location,
            };
            match HeaderValue::from_str(&location) {
                Ok(value) => {
                    let mut response = text(StatusCode::MOVED_PERMANENTLY, "");
                    response.headers_mut().insert(header::LOCATION, value);
                    response
                }
                Err(_) => not_found(state).await,
            }
        }
        Target::NotFound => not_found(state).await,
    }
}

/// The site's `404.html` with status 404, or a small page when the site has
/// none yet (for example when the first build failed): both carry the
/// live-reload script, so the page recovers by itself.
async fn not_found(state: &AppState) -> Response {
    if let Target::File(file) = resolve(&state.root, "/404.html")
        && let Ok(bytes) = tokio::fs::read(&file).await
    {
        return file_response(state, StatusCode::NOT_FOUND, &file, bytes);
    }
    let (title, text) = match state.language {
        Language::Dutch => ("Niet gevonden", "Deze pagina bestaat (nog) niet."),
        Language::English => ("Not found", "This page does not exist (yet)."),
    };
    let lang = state.language.code();
    let html = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<link rel=\"stylesheet\" href=\"/css/site.css\">\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p>{text}</p>\n</main>\n</body>\n</html>\n"
    );
    with_type(
        StatusCode::NOT_FOUND,
        "text/html; charset=utf-8",
        inject(&html, &state.live.script_tag()).into(),
    )
}

fn file_response(state: &AppState, status: StatusCode, file: &Path, bytes: Vec<u8>) -> Response {
    let content_type = content_type::for_path(file);
    if content_type.starts_with("text/html") {
        let html = String::from_utf8_lossy(&bytes);
        return with_type(
            status,
            content_type,
            inject(&html, &state.live.script_tag()).into(),
        );
    }
    with_type(status, content_type, bytes.into())
}

fn with_type(status: StatusCode, content_type: &'static str, body: Body) -> Response {
    let mut response = (status, body).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

fn text(status: StatusCode, body: &'static str) -> Response {
    with_type(status, "text/plain; charset=utf-8", body.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;
    use test_case::test_case;
    use tower::ServiceExt;

    fn site() -> (tempfile::TempDir, Router) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("public");
        for (file, text) in [
            ("index.html", "<html><body><p>home</p></body></html>"),
            (
                "nieuws/index.html",
                "<html><body><p>nieuws</p></body></html>",
            ),
            ("404.html", "<html><body><p>niet gevonden</p></body></html>"),
            ("css/site.css", "body{}"),
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        (dir, router(root, LiveReload::new(), Language::Dutch))
    }

    async fn request(
        app: Router,
        method: &str,
        uri: &str,
    ) -> (StatusCode, axum::http::HeaderMap, String) {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .body(Body::empty())
            .unwrap();
        let response = app.oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        (
            status,
            headers,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    }

    #[test_case("GET", "/", 200, "home")]
    #[test_case("GET", "/nieuws/", 200, "nieuws")]
    #[test_case("GET", "/css/site.css", 200, "body{}")]
    #[test_case("GET", "/bestaat-niet/", 404, "niet gevonden")]
    #[test_case("GET", "/../secret.txt", 404, "niet gevonden")]
    #[test_case("GET", "/%2e%2e/secret.txt", 404, "niet gevonden")]
    #[test_case("GET", "/__chatcontrole/anders", 404, "niet gevonden")]
    #[test_case("GET", "/__chatcontrole/live-reload.js", 200, "EventSource")]
    #[test_case("POST", "/", 405, "GET and HEAD")]
    #[test_case("PUT", "/nieuws/", 405, "GET and HEAD")]
    #[test_case("DELETE", "/css/site.css", 405, "GET and HEAD")]
    #[test_case("OPTIONS", "/", 405, "GET and HEAD")]
    #[tokio::test]
    async fn answers(method: &str, uri: &str, status: u16, body: &str) {
        let (_dir, app) = site();
        let (got, headers, text) = request(app, method, uri).await;
        assert_eq!(got.as_u16(), status, "{method} {uri}: {text}");
        assert!(text.contains(body), "{method} {uri}: {text}");
        assert_eq!(headers[header::CACHE_CONTROL], "no-store");
        for (name, value) in SECURITY_HEADERS {
            assert_eq!(headers[*name], *value, "{name} on {method} {uri}");
        }
        if status == 405 {
            assert_eq!(headers[header::ALLOW], "GET, HEAD");
        }
    }

    #[tokio::test]
    async fn html_gets_the_live_reload_script_and_css_does_not() {
        let (_dir, app) = site();
        let (_, headers, html) = request(app.clone(), "GET", "/").await;
        assert_eq!(headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
        assert!(
            html.contains(&format!(r#"<script src="{SCRIPT_PATH}""#)),
            "{html}"
        );
        assert!(html.find(SCRIPT_PATH).unwrap() < html.find("</body>").unwrap());
        let (_, headers, css) = request(app, "GET", "/css/site.css").await;
        assert_eq!(headers[header::CONTENT_TYPE], "text/css; charset=utf-8");
        assert!(!css.contains(SCRIPT_PATH));
    }

    #[tokio::test]
    async fn folder_without_slash_redirects_keeping_the_query() {
        let (_dir, app) = site();
        let (status, headers, _) = request(app, "GET", "/nieuws?q=raad").await;
        assert_eq!(status, StatusCode::MOVED_PERMANENTLY);
        assert_eq!(headers[header::LOCATION], "/nieuws/?q=raad");
    }

    #[tokio::test]
    async fn without_any_build_unknown_paths_still_carry_the_script() {
        let dir = tempfile::tempdir().unwrap();
        let app = router(
            dir.path().join("public"),
            LiveReload::new(),
            Language::Dutch,
        );
        let (status, _, html) = request(app, "GET", "/").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(html.contains(SCRIPT_PATH), "{html}");
        assert!(html.contains(r#"<html lang="nl">"#) && html.contains("Niet gevonden"));
    }

    #[tokio::test]
    async fn without_any_build_the_page_speaks_the_language_of_the_messages() {
        let dir = tempfile::tempdir().unwrap();
        let app = router(
            dir.path().join("public"),
            LiveReload::new(),
            Language::English,
        );
        let (_, _, html) = request(app, "GET", "/").await;
        assert!(html.contains(r#"<html lang="en">"#), "{html}");
        assert!(html.contains("<h1>Not found</h1>"), "{html}");
        assert!(!html.contains("Niet"), "{html}");
    }
}
