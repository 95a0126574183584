//! The standalone server's connections, driven over raw TCP: its header and idle timeouts close
//! half-open connections, keep-alive connections outlive the header timeout, and a body that is
//! cut short or malformed on the wire is called that.

mod support;

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

use compshare_mock::{PRIVATE_KEY, PUBLIC_KEY};
use support::{Server, form, signed};

const HEADER_MS: u64 = 300;
const IDLE_MS: u64 = 900;

fn server() -> Server {
    Server::start(&[
        "--header-timeout-ms",
        &HEADER_MS.to_string(),
        "--idle-timeout-ms",
        &IDLE_MS.to_string(),
    ])
}

fn connect(server: &Server) -> TcpStream {
    let addr = server.url.trim_start_matches("http://");
    let stream = TcpStream::connect(addr).unwrap();
    // A connection the server never closes fails the test instead of hanging it.
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
}

/// Reads until the server closes the connection; how long that took, and what it sent.
fn until_closed(mut stream: TcpStream, since: Instant) -> (Duration, String) {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                panic!("still open after {:?}", since.elapsed())
            }
            Err(_) => break,
        }
    }
    (since.elapsed(), String::from_utf8_lossy(&got).into_owned())
}

/// One whole answer on a kept-alive connection: its head and body.
fn read_answer(stream: &mut TcpStream) -> String {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let text = String::from_utf8_lossy(&got).into_owned();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length: usize = (head.lines())
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse().unwrap())
                })
                .expect("a Content-Length");
            if body.len() >= length {
                return text;
            }
        }
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0, "closed mid-answer: {text}");
        got.extend_from_slice(&buf[..n]);
    }
}

fn request(body: &str) -> String {
    format!(
        "POST / HTTP/1.1\r\nHost: mock\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
}

fn images() -> String {
    form(&signed(
        "DescribeCompShareImages",
        &[("Region", "cn-wlcb")],
        PUBLIC_KEY,
        PRIVATE_KEY,
    ))
}

#[test]
fn idle_and_half_sent_connections_are_closed() {
    let server = server();
    let started = Instant::now();
    let idle = connect(&server);
    let mut half_head = connect(&server);
    half_head
        .write_all(b"POST / HTTP/1.1\r\nHost: mock\r\n")
        .unwrap();
    let mut half_body = connect(&server);
    half_body
        .write_all(b"POST / HTTP/1.1\r\nHost: mock\r\nContent-Length: 100\r\n\r\nAction=")
        .unwrap();

    // A head sent a byte at a time never ends, though bytes keep coming.
    let mut trickle = connect(&server);
    let trickled = Instant::now();
    let mut closed_at = None;
    for byte in b"POST / HTTP/1.1\r\nHost: mock\r\nX-Slow: "
        .iter()
        .cycle()
        .take(100)
    {
        std::thread::sleep(Duration::from_millis(50));
        if trickle.write_all(&[*byte]).is_err() {
            closed_at = Some(trickled.elapsed());
            break;
        }
    }
    let trickle_closed = closed_at.unwrap_or_else(|| until_closed(trickle, trickled).0);

    let (head_closed, _) = until_closed(half_head, started);
    let (body_closed, _) = until_closed(half_body, started);
    let (idle_closed, _) = until_closed(idle, started);
    println!(
        "closed after: trickled head {trickle_closed:?}, half head {head_closed:?}, half body {body_closed:?}, idle {idle_closed:?}"
    );
    let header = Duration::from_millis(HEADER_MS);
    let idle_timeout = Duration::from_millis(IDLE_MS);
    assert!(trickle_closed < header * 5, "{trickle_closed:?}");
    assert!(
        head_closed >= header && head_closed < idle_timeout * 3,
        "{head_closed:?}"
    );
    // Idle and stalled bodies wait for the idle timeout, not the header one.
    assert!(
        body_closed >= idle_timeout && body_closed < idle_timeout * 4,
        "{body_closed:?}"
    );
    assert!(
        idle_closed >= idle_timeout && idle_closed < idle_timeout * 4,
        "{idle_closed:?}"
    );
}

#[test]
fn kept_alive_connections_outlive_the_header_timeout() {
    let server = server();
    let mut stream = connect(&server);
    for _ in 0..2 {
        stream.write_all(request(&images()).as_bytes()).unwrap();
        let answer = read_answer(&mut stream);
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.contains("\"RetCode\":0"), "{answer}");
        // Longer than the header timeout, shorter than the idle one.
        std::thread::sleep(Duration::from_millis(HEADER_MS * 2));
    }
}

#[test]
fn truncated_and_malformed_bodies_are_called_that() {
    let server = server();
    let body = images();

    // Fewer bytes than the Content-Length, then the client is done sending.
    let mut short = connect(&server);
    let head = format!(
        "POST / HTTP/1.1\r\nHost: mock\r\nContent-Length: {}\r\n\r\n",
        body.len() + 50
    );
    short.write_all(head.as_bytes()).unwrap();
    short.write_all(body.as_bytes()).unwrap();
    short.shutdown(Shutdown::Write).unwrap();
    let (_, answer) = until_closed(short, Instant::now());
    assert!(answer.contains("\"RetCode\":230"), "{answer}");
    assert!(
        answer.contains("the request body could not be read: it is truncated"),
        "{answer}"
    );
    assert!(!answer.contains("larger than"), "{answer}");

    // A chunk size that is not hexadecimal.
    let mut chunked = connect(&server);
    chunked
        .write_all(b"POST / HTTP/1.1\r\nHost: mock\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nAction=X\r\n0\r\n\r\n")
        .unwrap();
    let (_, answer) = until_closed(chunked, Instant::now());
    assert!(answer.contains("\"RetCode\":230"), "{answer}");
    assert!(answer.contains("truncated or malformed"), "{answer}");
    assert!(!answer.contains("larger than"), "{answer}");

    // A body that is too large is still called that.
    let mut large = connect(&server);
    let big = "x".repeat(compshare_mock::MAX_BODY_BYTES + 1);
    large.write_all(request(&big).as_bytes()).unwrap();
    let answer = read_answer(&mut large);
    assert!(answer.contains("larger than the mock's limit"), "{answer}");
}
