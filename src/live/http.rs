//! `--listen http://`: `POST /` with NDJSON, a JSON array or `{"Records":[...]}` (what
//! Fluent Bit's and Vector's HTTP outputs send), optionally gzip-encoded. The answer comes
//! once the events are in the index: 200 when every record was taken, 400 with the
//! reasons when some were rejected (the others are indexed), 413 for a body over the
//! limit (counted as a reject), 401 without the token when one is required.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;

use super::limits::{MAX_BODY, MAX_CONNECTIONS};
use super::token::tokens_match;
use crate::load::{Feed, LoadMsg};
use crate::model::{Reject, RejectReason, SourceId};
use crate::source::BlockStore;
use crate::source::{SourceInfo, SourceKind};

/// A client has this long to send its request headers, and this long for its body.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
const BODY_TIMEOUT: Duration = Duration::from_secs(30);
/// A request waits at most this long for its events to be indexed (503 after).
const INDEX_TIMEOUT: Duration = Duration::from_mins(1);
/// Rejects' reasons quoted in a 400 answer.
const QUOTED_REASONS: usize = 5;

struct Ingest {
    feed: Feed,
    source: SourceId,
    store: Arc<BlockStore>,
    /// Where the next body goes in the listener's source.
    next_offset: AtomicU64,
    token: Option<String>,
}

/// Serves until the index owner hangs up (or the runtime cannot start).
pub fn serve(listener: std::net::TcpListener, url: String, feed: Feed, token: Option<String>) {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return;
    };
    let source = feed.ids().next();
    let store = Arc::new(BlockStore::default());
    let info = SourceInfo {
        name: url,
        kind: SourceKind::Memory(Arc::clone(&store)),
    };
    if !feed.send(LoadMsg::Source(source, info)) {
        return;
    }
    let ingest = Arc::new(Ingest {
        feed,
        source,
        store,
        next_offset: AtomicU64::new(0),
        token,
    });
    let app = Router::new().route("/", post(receive)).with_state(ingest);
    runtime.block_on(accept(listener, app));
}

async fn accept(listener: std::net::TcpListener, app: Router) {
    if listener.set_nonblocking(true).is_err() {
        return;
    }
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(slot) = Arc::clone(&slots).acquire_owned().await else {
            return;
        };
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _slot = slot;
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn receive(State(ingest): State<Arc<Ingest>>, headers: HeaderMap, body: Body) -> Response {
    if !authorized(ingest.token.as_deref(), &headers) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "missing or wrong bearer token\n",
        )
            .into_response();
    }
    let body = match read_body(&ingest, body).await {
        Ok(body) => body,
        Err(answer) => return answer,
    };
    let gzip = headers
        .get(header::CONTENT_ENCODING)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"gzip"));
    if body.iter().all(u8::is_ascii_whitespace) {
        return (StatusCode::BAD_REQUEST, "empty body: no records\n").into_response();
    }
    let worker = Arc::clone(&ingest);
    let Ok(taken) = tokio::task::spawn_blocking(move || worker.take(&body, gzip)).await else {
        return (StatusCode::SERVICE_UNAVAILABLE, "qtrail is shutting down\n").into_response();
    };
    let (indexed, summary) = match taken {
        Taken::Sent(indexed, summary) => (indexed, summary),
        Taken::Refused(status, why) => return (status, format!("{why}\n")).into_response(),
        Taken::HungUp => {
            return (StatusCode::SERVICE_UNAVAILABLE, "qtrail is shutting down\n").into_response();
        }
    };
    match tokio::time::timeout(INDEX_TIMEOUT, indexed).await {
        Ok(Ok(())) => summary.into_response(),
        _ => (
            StatusCode::SERVICE_UNAVAILABLE,
            "not indexed in time; retry\n",
        )
            .into_response(),
    }
}

/// The whole body, within the size limit and the deadline; else the answer refusing it
/// (counted as a reject). A slow sender cannot hold a connection slot for ever.
async fn read_body(ingest: &Arc<Ingest>, body: Body) -> Result<Bytes, Response> {
    let (status, why) =
        match tokio::time::timeout(BODY_TIMEOUT, axum::body::to_bytes(body, MAX_BODY)).await {
            Ok(Ok(body)) => return Ok(body),
            Ok(Err(e)) if is_too_large(&e) => (StatusCode::PAYLOAD_TOO_LARGE, too_large()),
            Ok(Err(e)) => (
                StatusCode::BAD_REQUEST,
                format!("HTTP request body unreadable: {e}"),
            ),
            Err(_) => (
                StatusCode::REQUEST_TIMEOUT,
                format!("HTTP request body not received within {BODY_TIMEOUT:?}"),
            ),
        };
    Err(refuse(Arc::clone(ingest), status, why).await)
}

/// What a request is answered, once its events are indexed.
struct Summary {
    accepted: usize,
    reasons: Vec<String>,
    rejected: usize,
}

impl IntoResponse for Summary {
    fn into_response(self) -> Response {
        let status = if self.rejected == 0 {
            StatusCode::OK
        } else {
            StatusCode::BAD_REQUEST
        };
        let body = serde_json::json!({
            "accepted": self.accepted,
            "rejected": self.rejected,
            "reasons": self.reasons,
        });
        (
            status,
            [(header::CONTENT_TYPE, "application/json")],
            format!("{body}\n"),
        )
            .into_response()
    }
}

/// What became of a body, off the async thread.
enum Taken {
    Sent(tokio::sync::oneshot::Receiver<()>, Summary),
    Refused(StatusCode, String),
    HungUp,
}

impl Ingest {
    /// Inflates a gzip body, then parses and sends it.
    fn take(&self, body: &[u8], gzip: bool) -> Taken {
        if !gzip && !crate::source::is_gzip(body) {
            return self.index(body);
        }
        match inflate_bounded(body) {
            Ok(data) => self.index(&data),
            Err(None) => {
                self.count_refused(too_large());
                Taken::Refused(StatusCode::PAYLOAD_TOO_LARGE, too_large())
            }
            Err(Some(e)) => {
                let why = format!("HTTP request body: broken gzip: {e}");
                self.count_refused(why.clone());
                Taken::Refused(StatusCode::BAD_REQUEST, why)
            }
        }
    }

    /// Parses a body and sends its events, then asks to be told once they are indexed.
    fn index(&self, body: &[u8]) -> Taken {
        let base = self
            .next_offset
            .fetch_add(body.len() as u64, Ordering::Relaxed);
        self.store.insert(base, body);
        let batch = crate::load::parse_buffer_at(self.source, base, body);
        let summary = Summary {
            accepted: batch.rows.len(),
            rejected: batch.rejects.len()
                + usize::try_from(batch.unsampled.total()).unwrap_or(usize::MAX),
            reasons: batch
                .rejects
                .iter()
                .take(QUOTED_REASONS)
                .map(|r| match r.line {
                    Some(line) => format!("line {line}: {}", r.reason),
                    None => r.reason.to_string(),
                })
                .collect(),
        };
        let (tx, rx) = tokio::sync::oneshot::channel();
        let sent = self.feed.send(LoadMsg::Started {
            total_bytes: body.len() as u64,
        }) && self.feed.send(LoadMsg::Batch(batch))
            && self.feed.send(LoadMsg::Indexed(tx));
        if sent {
            Taken::Sent(rx, summary)
        } else {
            Taken::HungUp
        }
    }

    /// A body refused whole: its records are lost to qtrail, so it counts as a reject.
    fn count_refused(&self, why: String) {
        let offset = self.next_offset.load(Ordering::Relaxed);
        let reject = Reject::of_source(self.source, offset, RejectReason::Refused(why));
        let _ = self.feed.send(LoadMsg::Rejects(vec![reject]));
    }
}

/// Refuses a body whole, counting it as a reject (off the async thread: the count waits
/// when the index owner is busy).
async fn refuse(ingest: Arc<Ingest>, status: StatusCode, why: String) -> Response {
    let answer = format!("{why}\n");
    let _ = tokio::task::spawn_blocking(move || ingest.count_refused(why)).await;
    (status, answer).into_response()
}

fn is_too_large(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(error) = source {
        if error.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = error.source();
    }
    false
}

fn too_large() -> String {
    format!("HTTP request body over {MAX_BODY} bytes: send smaller batches")
}

/// A gzip body inflated, unless it grows past the body limit (a small bomb stays small):
/// `Err(None)` when too large, `Err(Some(e))` when broken.
fn inflate_bounded(body: &[u8]) -> Result<Vec<u8>, Option<std::io::Error>> {
    use std::io::Read;
    let mut data = Vec::new();
    let limit = MAX_BODY as u64 + 1;
    flate2::read::MultiGzDecoder::new(body)
        .take(limit)
        .read_to_end(&mut data)
        .map_err(Some)?;
    if data.len() > MAX_BODY {
        return Err(None);
    }
    Ok(data)
}

/// Whether the request carries `Authorization: Bearer TOKEN` (or no token is asked for).
fn authorized(token: Option<&str>, headers: &HeaderMap) -> bool {
    let Some(token) = token else {
        return true;
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.as_bytes().strip_prefix(b"Bearer "))
        .unwrap_or_default();
    tokens_match(given, token)
}
