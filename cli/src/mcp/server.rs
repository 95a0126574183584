//! The `rmcp` handler: lists the tools, runs a call, and makes its result safe to hand over
//! (redacted, scrubbed of the private key, capped in size).

use std::sync::Arc;

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, Implementation,
    ListToolsResult, PaginatedRequestParams, ServerCapabilities, ServerConfig,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer, ServerHandler, ServiceExt};
use serde_json::Value;

use super::State;
use super::redact;
use super::tools;

/// How an agent should use the tools; clients show it to the model.
const INSTRUCTIONS: &str = "\
CompShare (优云智算) GPU cloud API. Find actions with search_actions, read their params with \
describe_action, then call them: call_read for read-only actions (safe at any time), call_write for \
everything else. call_write without confirm sends nothing and shows the exact request and its price: \
show them to the user, and call again with confirm: true and a confirmation_summary only after the user \
explicitly agrees. A write is sent once; if its outcome is \"unknown\", check the resource with \
call_read before anything else. Use wait to follow an instance to Running, Stopped or gone.";

#[derive(Clone)]
pub struct Server {
    state: Arc<State>,
}

/// Serves `state` on stdin and stdout until the client goes away.
pub async fn serve(state: State) -> Result<(), String> {
    let server = Server {
        state: Arc::new(state),
    };
    let running = server
        .serve(rmcp::transport::io::stdio_pipes())
        .await
        .map_err(|e| e.to_string())?;
    running.waiting().await.map_err(|e| e.to_string())?;
    Ok(())
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(
                Implementation::new("compshare", env!("CARGO_PKG_VERSION"))
                    .with_title("CompShare (优云智算) GPU cloud"),
            )
            .with_instructions(INSTRUCTIONS)
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(tools::list()))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let name = request.name.as_ref();
        if !tools::NAMES.contains(&name) {
            return Err(ErrorData::invalid_params(
                format!(
                    "no tool {name:?}; the tools are search_actions, describe_action, call_read, call_write, wait"
                ),
                None,
            ));
        }
        let args = request.arguments.unwrap_or_default();
        let result = tools::call(&self.state, name, &args).await;
        // Only the calls carry the account's data; the descriptions carry names like Password.
        let calls = matches!(name, tools::READ | tools::WRITE | tools::WAIT);
        Ok(finish(&self.state, result, calls).into())
    }
}

/// The result as MCP content: redacted (for calls), capped, and scrubbed of secrets.
fn finish(state: &State, result: Result<Value, Value>, redact_members: bool) -> CallToolResult {
    let (mut value, is_error) = match result {
        Ok(v) => (v, false),
        Err(v) => (v, true),
    };
    if redact_members && !state.show_sensitive {
        let mut paths = Vec::new();
        redact::redact(&mut value, "", &mut paths);
        if let (false, Value::Object(members)) = (paths.is_empty(), &mut value) {
            members.insert(
                "redacted".to_owned(),
                Value::from(format!(
                    "sensitive values were replaced with {}: {} (the server runs without --show-sensitive)",
                    redact::REDACTED,
                    paths.join(", ")
                )),
            );
        }
    }
    let text = redact::scrub(redact::fit(value, state.max_result_bytes), &state.secrets);
    let content = vec![ContentBlock::text(text)];
    if is_error {
        CallToolResult::error(content)
    } else {
        CallToolResult::success(content)
    }
}
