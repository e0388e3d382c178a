#include "core/common/Logging.h"

Q_LOGGING_CATEGORY(lcCore, "raysec.core")

namespace raysec {

void installLogFormat()
{
    qSetMessagePattern(
        QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzz} %{category} "
                       "%{if-debug}debug%{endif}%{if-info}info%{endif}%{if-warning}warning%{endif}"
                       "%{if-critical}critical%{endif}%{if-fatal}fatal%{endif}: %{message}"));
}

} // namespace raysec
