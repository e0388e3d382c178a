#pragma once

#include "core/common/Error.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace raysec {

enum class UserRole
{
    Viewer,   // reads the dashboard
    Operator, // also submits and stops jobs
    Admin     // also manages users and keys
};

// A person who may log in to the dashboard through the gateway. Holds the Argon2id PHC hash of
// the password, never the password.
struct DashboardUser
{
    QString name;
    UserRole role = UserRole::Viewer;
    QString passwordHash;
    bool disabled = false;
    QDateTime created; // UTC
    QDateTime changed; // UTC, last change of password, role or state

    static QString roleName(UserRole role);
    static std::optional<UserRole> roleFromName(const QString& name);
    // User names: 1 to 64 of A-Z a-z 0-9 . _ @ -, starting with a letter or digit.
    static Result<void> validateName(const QString& name);
};

} // namespace raysec
