#pragma once

#include "gateway/GatewayState.h"

#include <string>

namespace raysec::gateway {

// Loads the signed bundles named in the configuration, verifies every signature against the
// console's public key, and swaps them in as one unit. A bundle that fails to load or verify
// is refused: the last good one stays in force and the reason is logged.
void reloadBundles(GatewayState& state, const std::string& why);

} // namespace raysec::gateway
