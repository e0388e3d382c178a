#pragma once

namespace raysec::cli {

class CliContext;

// raysec-cli audit fix: scans a profile like `audit`, then generates the hardening wizard's
// files for every failing check into --out (secret files 0600) with RUNBOOK.md, and with
// --apply also makes the console changes (token in the keychain, profile auth, quota policy).
int auditFix(CliContext& ctx);

} // namespace raysec::cli
