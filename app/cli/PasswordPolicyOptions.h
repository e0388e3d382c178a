#pragma once

#include "core/common/Error.h"
#include "core/passwords/PasswordPolicy.h"

#include <QCommandLineParser>

namespace raysec::cli {

// The options of `raysec-cli passwords policy set`, shared by its parser and its help.
class PasswordPolicyOptions
{
public:
    static void add(QCommandLineParser& parser);
    // The policy the options describe, starting from `stored`: --from replaces it whole,
    // --preset resets the rules, and each other option changes one field.
    static Result<PasswordPolicy> apply(const QCommandLineParser& parser, PasswordPolicy stored);
};

} // namespace raysec::cli
