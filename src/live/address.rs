//! `--listen` addresses: `tcp://HOST:PORT` or `http://HOST:PORT`, loopback unless the
//! user says otherwise.

use std::net::{SocketAddr, ToSocketAddrs};

/// A listener bound before the explorer starts, so a busy port is an error up front.
pub struct Bound {
    pub listener: std::net::TcpListener,
    pub scheme: Scheme,
    /// As the user can connect to it (with the port actually bound).
    pub url: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// One JSON record a line.
    Tcp,
    /// `POST /` of NDJSON, a JSON array or `{"Records":[...]}`.
    Http,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListenAddr {
    pub scheme: Scheme,
    pub host: String,
    pub port: u16,
}

impl ListenAddr {
    /// Parses `tcp://HOST:PORT` or `http://HOST:PORT`; a missing host means 127.0.0.1.
    pub fn parse(text: &str) -> Result<ListenAddr, String> {
        let (scheme, rest) = if let Some(rest) = text.strip_prefix("tcp://") {
            (Scheme::Tcp, rest)
        } else if let Some(rest) = text.strip_prefix("http://") {
            (Scheme::Http, rest)
        } else {
            return Err(format!(
                "`{text}`: expected tcp://HOST:PORT or http://HOST:PORT"
            ));
        };
        let rest = rest.trim_end_matches('/');
        let (host, port) = rest
            .rsplit_once(':')
            .ok_or_else(|| format!("`{text}`: no port (e.g. tcp://127.0.0.1:5170)"))?;
        let port = port
            .parse()
            .map_err(|_| format!("`{text}`: `{port}` is not a port number"))?;
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let host = if host.is_empty() { "127.0.0.1" } else { host };
        Ok(ListenAddr {
            scheme,
            host: host.to_owned(),
            port,
        })
    }

    /// Binds the address; one that is not loopback needs `remote`.
    pub fn bind(&self, remote: bool) -> anyhow::Result<Bound> {
        let addrs: Vec<SocketAddr> = (self.host.as_str(), self.port)
            .to_socket_addrs()
            .map_err(|e| anyhow::anyhow!("--listen {}: {e}", self.host))?
            .collect();
        let Some(addr) = addrs.first() else {
            anyhow::bail!("--listen {}: no address", self.host);
        };
        if !remote && addrs.iter().any(|a| !a.ip().is_loopback()) {
            anyhow::bail!(
                "--listen {}: not a loopback address; add --listen-remote to accept events from other machines",
                self.host
            );
        }
        let listener = std::net::TcpListener::bind(addr)
            .map_err(|e| anyhow::anyhow!("--listen {addr}: {e}"))?;
        let local = listener.local_addr()?;
        let scheme = match self.scheme {
            Scheme::Tcp => "tcp",
            Scheme::Http => "http",
        };
        Ok(Bound {
            listener,
            scheme: self.scheme,
            url: format!("{scheme}://{local}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{ListenAddr, Scheme};

    #[test]
    fn parses_schemes_hosts_and_ports() {
        let tcp = ListenAddr::parse("tcp://:5170").expect("valid");
        assert_eq!(
            (tcp.scheme, tcp.host.as_str(), tcp.port),
            (Scheme::Tcp, "127.0.0.1", 5170)
        );
        let http = ListenAddr::parse("http://[::1]:8080/").expect("valid");
        assert_eq!(
            (http.scheme, http.host.as_str(), http.port),
            (Scheme::Http, "::1", 8080)
        );
        assert!(ListenAddr::parse("udp://:1").is_err());
        assert!(ListenAddr::parse("tcp://localhost").is_err());
        assert!(ListenAddr::parse("tcp://:http").is_err());
    }

    #[test]
    fn refuses_a_public_address_unless_told() {
        let any = ListenAddr::parse("tcp://0.0.0.0:0").expect("valid");
        assert!(any.bind(false).is_err());
        let local = ListenAddr::parse("tcp://127.0.0.1:0").expect("valid");
        let bound = local.bind(false).expect("loopback binds");
        assert!(bound.url.starts_with("tcp://127.0.0.1:"), "{}", bound.url);
    }
}
