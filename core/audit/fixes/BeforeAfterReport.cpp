#include "core/audit/fixes/BeforeAfterReport.h"

#include "core/audit/CheckCatalog.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::BeforeAfterReport)
};

void section(QStringList& out, const QString& title, const QStringList& ids,
             const CheckCatalog& catalog)
{
    out << QStringLiteral("## ") + title << QString();
    if (ids.isEmpty()) {
        out << Text::tr("None.") << QString();
        return;
    }
    for (const QString& id : ids) {
        const Check* check = catalog.find(id);
        out << QStringLiteral("- %1 %2").arg(id, check ? check->title : QString());
    }
    out << QString();
}

} // namespace

BeforeAfterReport BeforeAfterReport::of(const AuditRun& before, const AuditRun& after,
                                        const CheckCatalog& catalog)
{
    BeforeAfterReport r;
    r.before = HardeningScore::of(before, catalog);
    r.after = HardeningScore::of(after, catalog);
    r.diff = RunDiff::between(before, after);
    r.profile = after.profile;
    r.rayBefore = before.rayVersion;
    r.rayAfter = after.rayVersion;
    return r;
}

QByteArray BeforeAfterReport::markdown(const CheckCatalog& catalog) const
{
    QStringList out;
    out << Text::tr("# Hardening report for %1").arg(profile) << QString()
        << Text::tr("Score: %1/100 before, %2/100 after (failed checks: %3 before, %4 after).")
               .arg(before.score)
               .arg(after.score)
               .arg(before.failed)
               .arg(after.failed)
        << Text::tr("Ray version: %1 before, %2 after.")
               .arg(rayBefore.isEmpty() ? Text::tr("unknown") : rayBefore,
                    rayAfter.isEmpty() ? Text::tr("unknown") : rayAfter)
        << QString();
    section(out, Text::tr("Fixed"), diff.nowPassing, catalog);
    section(out, Text::tr("Still open"), diff.stillFailing, catalog);
    section(out, Text::tr("Newly failing"), diff.newlyFailing, catalog);
    section(out, Text::tr("Not decided in one of the scans"), diff.undecided, catalog);
    return out.join(u'\n').toUtf8();
}

} // namespace raysec
