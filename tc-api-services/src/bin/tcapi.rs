//! `tcapi`: Tencent Cloud API actions from the shell. Everything is in
//! `tc_api_services::cli`; `tcapi --help` describes the options.

use std::process::ExitCode;

fn main() -> ExitCode {
    let status = tc_api_services::cli::main_with(
        std::env::args_os().skip(1),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(status)
}
