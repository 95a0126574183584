//! Actions whose successful answer is a file: the body is handed over as a stream of chunks.
//! Their errors still come as JSON envelopes, which are read like any other answer.

use bytes::Bytes;
use futures_util::StreamExt;
use futures_util::stream::BoxStream;

use super::answer::{self, Answer};
use super::{Call, Client};
use crate::action::Action;
use crate::error::Error;

/// A file an action answered with, still to be read.
pub struct Download {
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The `Content-Length` header, when the server sent one.
    pub content_length: Option<u64>,
    /// The `X-UCLOUD-REQUEST-UUID` header.
    pub request_id: Option<String>,
    action: String,
    body: BoxStream<'static, Result<Bytes, crate::transport::TransportFailure>>,
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download")
            .field("content_type", &self.content_type)
            .field("content_length", &self.content_length)
            .field("request_id", &self.request_id)
            .finish_non_exhaustive()
    }
}

impl Download {
    /// The next chunk of the file, or `None` at its end.
    pub async fn chunk(&mut self) -> Option<Result<Bytes, Error>> {
        let chunk = self.body.next().await?;
        Some(chunk.map_err(|f| Error::Transport {
            action: self.action.clone(),
            kind: f.kind,
            source: f.source,
        }))
    }

    /// Writes the whole file to `out`; the number of bytes written.
    pub async fn write_to(mut self, out: &mut (dyn std::io::Write + Send)) -> Result<u64, Error> {
        let mut written = 0u64;
        while let Some(chunk) = self.chunk().await {
            let chunk = chunk?;
            out.write_all(&chunk).map_err(|e| Error::Transport {
                action: self.action.clone(),
                kind: crate::error::TransportErrorKind::Other,
                source: Box::new(e),
            })?;
            written += chunk.len() as u64;
        }
        Ok(written)
    }
}

impl Client {
    /// Validates and sends a request of an action that answers with a file, and hands the file
    /// over as a stream. An answer that is JSON is read as the API's envelope: an error.
    pub async fn download<A: Action>(&self, mut request: A) -> Result<Download, Error> {
        let params = self.prepare(&mut request)?;
        self.download_prepared(Call::of::<A>(), params).await
    }

    /// [`Client::download`] for params already prepared.
    pub async fn download_prepared(
        &self,
        call: Call,
        params: Vec<(String, String)>,
    ) -> Result<Download, Error> {
        let encoded = self.encode(call, params);
        let encoded = &encoded;
        let mut done = |download: Download| Ok(download);
        self.with_retries(
            call,
            || async move {
                let response = self.send_once(call.action, encoded).await?;
                let json = response
                    .content_type
                    .as_deref()
                    .is_some_and(|t| t.to_ascii_lowercase().contains("json"));
                if json || !(200..300).contains(&response.status) {
                    let status = response.status;
                    let request_id = response.request_id.clone();
                    let body = self.read_body(call.action, response).await?;
                    let answer = Answer {
                        status,
                        request_id,
                        body,
                    };
                    // A JSON answer to a download is an error, even with RetCode 0.
                    let envelope = crate::decode::response::<Empty>(&answer.body)
                        .ok()
                        .map(|(_, e)| e);
                    answer::check(call.action, &answer, envelope.as_ref())?;
                    return Err(Error::Decode {
                        action: call.action.to_owned(),
                        message: "the answer is JSON, not a file".to_owned(),
                        request_id: answer.request_id,
                    });
                }
                Ok(Download {
                    content_type: response.content_type,
                    content_length: response.content_length,
                    request_id: response.request_id,
                    action: call.action.to_owned(),
                    body: response.body,
                })
            },
            &mut done,
        )
        .await
    }
}

/// A response that names no member: the envelope is all that is read.
#[derive(Debug, Default)]
struct Empty(crate::unknown::UnknownFields);

impl crate::decode::Object for Empty {
    fn slot(&mut self, _: &str) -> Option<&mut dyn crate::decode::Target> {
        None
    }

    fn unknown_fields_mut(&mut self) -> &mut crate::unknown::UnknownFields {
        &mut self.0
    }
}

impl crate::json::ToJson for Empty {
    fn to_json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
}
