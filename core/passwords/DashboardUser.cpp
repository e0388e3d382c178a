#include "core/passwords/DashboardUser.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace raysec {

QString DashboardUser::roleName(UserRole role)
{
    switch (role) {
    case UserRole::Viewer:
        return QStringLiteral("viewer");
    case UserRole::Operator:
        return QStringLiteral("operator");
    case UserRole::Admin:
        return QStringLiteral("admin");
    }
    return QStringLiteral("viewer");
}

std::optional<UserRole> DashboardUser::roleFromName(const QString& name)
{
    for (UserRole r : {UserRole::Viewer, UserRole::Operator, UserRole::Admin}) {
        if (roleName(r) == name) {
            return r;
        }
    }
    return std::nullopt;
}

Result<void> DashboardUser::validateName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"));
    if (!pattern.match(name).hasMatch()) {
        return fail(
            QStringLiteral("users.bad-name"),
            QCoreApplication::translate("raysec::DashboardUser", "\"%1\" is not a valid user name.")
                .arg(name.left(80)),
            QCoreApplication::translate(
                "raysec::DashboardUser",
                "Use 1 to 64 letters, digits, dots, underscores, @ or hyphens, starting "
                "with a letter or digit."));
    }
    return {};
}

} // namespace raysec
