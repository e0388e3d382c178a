#include "gateway/Identity.h"

#include <algorithm>

namespace raysec::gateway {

bool Identity::hasScope(std::string_view scope) const
{
    return std::any_of(scopes.begin(), scopes.end(),
                       [&](const std::string& s) { return s == scope || s == "admin"; });
}

} // namespace raysec::gateway
