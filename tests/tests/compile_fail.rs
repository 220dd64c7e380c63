//! Misuse of `#[tc_action]` / `#[tc_model]` must fail to compile with one clear message
//! per mistake, pointing at the offending token. Each case in `ui/` pins its `.stderr`;
//! regenerate with `TRYBUILD=overwrite cargo test -p tc-api-tests --test compile_fail`
//! and read every changed file before committing it.

#[test]
fn compile_fail() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
}
