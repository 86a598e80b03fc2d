//! Who may hold a connection to `serve`. Every open connection is counted
//! per client and in total; a new one that would pass [`Limits::per_client`]
//! or [`Limits::max_connections`] takes the place of a connection that is
//! doing nothing useful: first one that is idle (between requests, or still
//! sending its request), then one whose client has not read what it was
//! sent for a while ([`Limits::stalled_after`]). A connection that is busy
//! and making progress (a page being sent, an open live-reload stream) is
//! never closed for a newcomer; when all of them are, the newcomer is
//! refused. So clients that pipeline requests and never read the answers
//! cannot keep a fresh request out, and a browser's own connections (about
//! six per site, plus one live-reload stream per tab) stay well within the
//! limit per client.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::Notify;

/// The limits of the preview server.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// How long a client may take to send the headers of a request. Hyper
    /// starts this clock whenever a connection waits for the next request,
    /// so it is also how long an idle keep-alive connection stays open.
    pub header_timeout: Duration,
    /// How long a write may make no progress (the client reads nothing)
    /// before the connection is closed.
    pub write_timeout: Duration,
    /// How long a connection lives; then it takes no new request and is
    /// closed after the response under way ([`Limits::lifetime_grace`] at
    /// most). A live-reload page reconnects by itself.
    pub lifetime: Duration,
    /// How long the response under way may take after [`Limits::lifetime`].
    pub lifetime_grace: Duration,
    /// How many connections are served at the same time.
    pub max_connections: usize,
    /// How many of them may come from one client (one IPv4 address, one
    /// IPv6 /64 network).
    pub per_client: usize,
    /// How long a write must have waited for the client before the
    /// connection may be closed to make room for a new one.
    pub stalled_after: Duration,
    /// How often each connection checks its timeouts.
    pub tick: Duration,
    /// The socket send buffer of each connection in bytes (the system
    /// doubles it), so a client that never reads pins a bounded amount of
    /// kernel memory (Linux would otherwise grow it to 4 MB).
    pub send_buffer: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(10),
            lifetime: Duration::from_secs(5 * 60),
            lifetime_grace: Duration::from_secs(30),
            max_connections: 256,
            per_client: 32,
            stalled_after: Duration::from_secs(1),
            tick: Duration::from_millis(500),
            send_buffer: 128 * 1024,
        }
    }
}

/// Which client a connection counts for: an IPv4 address, or the /64
/// network of an IPv6 address (one machine usually has many of those).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientKey(IpAddr);

impl ClientKey {
    /// The key of a peer address.
    pub fn of(ip: IpAddr) -> ClientKey {
        match ip {
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => ClientKey(IpAddr::V4(v4)),
                None if v6.is_loopback() => ClientKey(ip),
                None => {
                    let network = u128::from(v6) & !((1u128 << 64) - 1);
                    ClientKey(IpAddr::V6(network.into()))
                }
            },
            IpAddr::V4(_) => ClientKey(ip),
        }
    }
}

/// What a connection is doing, as its reads, writes and requests report it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Activity {
    /// Requests whose response has not been handed over completely.
    pub in_flight: usize,
    /// Since when a write has been waiting for the client to read.
    pub write_waiting_since: Option<Instant>,
    /// When bytes last moved in either direction.
    pub last_progress: Instant,
}

impl Activity {
    /// True when the connection waits for a request (or for the rest of one).
    pub fn is_idle(&self) -> bool {
        self.in_flight == 0 && self.write_waiting_since.is_none()
    }

    /// How long a write has been waiting at `now` (zero when none is).
    pub fn write_waiting(&self, now: Instant) -> Duration {
        self.write_waiting_since
            .map_or(Duration::ZERO, |since| now.saturating_duration_since(since))
    }
}

/// One open connection, shared by its task, its I/O and the registry.
#[derive(Debug)]
pub struct Connection {
    id: u64,
    client: ClientKey,
    opened: Instant,
    activity: Mutex<Activity>,
    closing: Notify,
}

impl Connection {
    fn new(id: u64, client: ClientKey, now: Instant) -> Connection {
        Connection {
            id,
            client,
            opened: now,
            activity: Mutex::new(Activity {
                in_flight: 0,
                write_waiting_since: None,
                last_progress: now,
            }),
            closing: Notify::new(),
        }
    }

    /// When the connection was accepted.
    pub fn opened(&self) -> Instant {
        self.opened
    }

    /// What the connection is doing now.
    pub fn activity(&self) -> Activity {
        *self.lock()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Activity> {
        self.activity.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Bytes were read from the client.
    pub fn read_some(&self) {
        self.lock().last_progress = Instant::now();
    }

    /// Bytes were written to the client.
    pub fn wrote_some(&self) {
        let mut activity = self.lock();
        activity.last_progress = Instant::now();
        activity.write_waiting_since = None;
    }

    /// A write could not go ahead: the client is not reading.
    pub fn write_waits(&self) {
        let mut activity = self.lock();
        if activity.write_waiting_since.is_none() {
            activity.write_waiting_since = Some(Instant::now());
        }
    }

    /// A request arrived; [`Connection::request_done`] follows when its
    /// response has been handed over.
    pub fn request_started(&self) {
        self.lock().in_flight += 1;
    }

    /// The response of a request has been handed over (or dropped).
    pub fn request_done(&self) {
        let mut activity = self.lock();
        activity.in_flight = activity.in_flight.saturating_sub(1);
        activity.last_progress = Instant::now();
    }

    /// Resolves when the registry closed this connection to make room.
    pub async fn evicted(&self) {
        self.closing.notified().await;
    }
}

/// The open connections.
#[derive(Debug)]
pub struct Registry {
    limits: Limits,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    next_id: u64,
    open: HashMap<u64, Arc<Connection>>,
}

impl Registry {
    /// No connection yet.
    pub fn new(limits: Limits) -> Registry {
        Registry {
            limits,
            state: Mutex::default(),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Lets a connection from `peer` in, closing another to make room when
    /// a limit is reached; None when nothing can make room.
    pub fn admit(&self, peer: IpAddr) -> Option<Arc<Connection>> {
        let now = Instant::now();
        let client = ClientKey::of(peer);
        let mut state = self.state();
        let same_client = state.open.values().filter(|c| c.client == client).count();
        let full = if same_client >= self.limits.per_client {
            Some(Some(client))
        } else if state.open.len() >= self.limits.max_connections {
            Some(None)
        } else {
            None
        };
        if let Some(among) = full {
            let candidates = state
                .open
                .values()
                .filter(|c| among.is_none_or(|client| c.client == client))
                .map(|c| (c.id, c.activity()));
            let victim = choose_victim(candidates, now, self.limits.stalled_after)?;
            if let Some(victim) = state.open.remove(&victim) {
                victim.closing.notify_one();
            }
        }
        let id = state.next_id;
        state.next_id += 1;
        let connection = Arc::new(Connection::new(id, client, now));
        state.open.insert(id, connection.clone());
        Some(connection)
    }

    /// Forgets a connection that ended.
    pub fn leave(&self, connection: &Connection) {
        self.state().open.remove(&connection.id);
    }

    /// How many connections are open.
    pub fn len(&self) -> usize {
        self.state().open.len()
    }

    /// True when no connection is open.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The connection to close for a newcomer: the idle one that made no
/// progress for the longest time, else the one whose write has waited the
/// longest, if that is at least `stalled_after`; None when every candidate
/// is busy and making progress.
pub fn choose_victim(
    candidates: impl Iterator<Item = (u64, Activity)>,
    now: Instant,
    stalled_after: Duration,
) -> Option<u64> {
    let mut idle: Option<(u64, Instant)> = None;
    let mut stalled: Option<(u64, Duration)> = None;
    for (id, activity) in candidates {
        if activity.is_idle() {
            if idle.is_none_or(|(_, since)| activity.last_progress < since) {
                idle = Some((id, activity.last_progress));
            }
        } else {
            let waiting = activity.write_waiting(now);
            if waiting >= stalled_after && stalled.is_none_or(|(_, longest)| waiting > longest) {
                stalled = Some((id, waiting));
            }
        }
    }
    idle.map(|(id, _)| id).or(stalled.map(|(id, _)| id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn limits(per_client: usize, max_connections: usize) -> Limits {
        Limits {
            per_client,
            max_connections,
            stalled_after: Duration::from_millis(100),
            ..Limits::default()
        }
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test_case("192.0.2.7", "192.0.2.7")]
    #[test_case("::ffff:192.0.2.7", "192.0.2.7")]
    #[test_case("::1", "::1")]
    #[test_case("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::")]
    #[test_case("2001:db8:1:2::1", "2001:db8:1:2::")]
    fn clients_are_addresses_or_ipv6_networks(peer: &str, key: &str) {
        assert_eq!(ClientKey::of(ip(peer)), ClientKey(ip(key)));
    }

    /// Each candidate: idle?, write waiting for (ms), last progress (ms ago).
    #[test_case(&[], None; "nobody")]
    #[test_case(&[(false, None, 0), (true, None, 5), (true, None, 50)], Some(2); "the longest idle first")]
    #[test_case(&[(false, Some(500), 500), (true, None, 0)], Some(1); "idle before stalled")]
    #[test_case(&[(false, Some(150), 150), (false, Some(900), 900)], Some(1); "the longest stalled")]
    #[test_case(&[(false, Some(50), 50), (false, None, 0)], None; "busy and making progress")]
    fn chooses_whom_to_close(candidates: &[(bool, Option<u64>, u64)], expected: Option<u64>) {
        let now = Instant::now() + Duration::from_secs(10);
        let candidates = candidates
            .iter()
            .enumerate()
            .map(|(id, &(idle, waiting, ago))| {
                let activity = Activity {
                    in_flight: usize::from(!idle),
                    write_waiting_since: waiting.map(|ms| now - Duration::from_millis(ms)),
                    last_progress: now - Duration::from_millis(ago),
                };
                (id as u64, activity)
            });
        assert_eq!(
            choose_victim(candidates, now, Duration::from_millis(100)),
            expected
        );
    }

    #[test]
    fn a_client_at_its_limit_replaces_its_own_idle_connection() {
        let registry = Registry::new(limits(2, 10));
        let first = registry.admit(ip("192.0.2.1")).unwrap();
        let second = registry.admit(ip("192.0.2.1")).unwrap();
        second.request_started();
        let other = registry.admit(ip("192.0.2.2")).unwrap();
        let third = registry.admit(ip("192.0.2.1")).unwrap();
        assert_eq!(registry.len(), 3);
        let open: Vec<u64> = registry.state().open.keys().copied().collect();
        assert!(!open.contains(&first.id), "the idle one made room");
        for kept in [&second, &other, &third] {
            assert!(open.contains(&kept.id));
        }
    }

    #[test]
    fn busy_connections_that_progress_are_kept_and_the_newcomer_refused() {
        let registry = Registry::new(limits(2, 10));
        for _ in 0..2 {
            registry.admit(ip("192.0.2.1")).unwrap().request_started();
        }
        assert!(registry.admit(ip("192.0.2.1")).is_none());
        assert!(
            registry.admit(ip("192.0.2.2")).is_some(),
            "another client is not affected"
        );
    }

    #[test]
    fn at_the_global_cap_a_stalled_connection_makes_room() {
        let registry = Registry::new(limits(2, 3));
        let stalled = registry.admit(ip("192.0.2.1")).unwrap();
        stalled.request_started();
        stalled.write_waits();
        for peer in ["192.0.2.2", "192.0.2.3"] {
            registry.admit(ip(peer)).unwrap().request_started();
        }
        assert!(
            registry.admit(ip("192.0.2.4")).is_none(),
            "not stalled long enough yet"
        );
        std::thread::sleep(Duration::from_millis(150));
        let newcomer = registry.admit(ip("192.0.2.4")).unwrap();
        assert_eq!(registry.len(), 3);
        assert!(!registry.state().open.contains_key(&stalled.id));
        registry.leave(&newcomer);
        assert_eq!(registry.len(), 2);
    }

    #[tokio::test]
    async fn an_evicted_connection_hears_about_it() {
        let registry = Registry::new(limits(1, 10));
        let first = registry.admit(ip("192.0.2.1")).unwrap();
        let _second = registry.admit(ip("192.0.2.1")).unwrap();
        tokio::time::timeout(Duration::from_secs(1), first.evicted())
            .await
            .expect("told to close");
    }
}
