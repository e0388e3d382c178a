#pragma once

#include "core/common/Error.h"
#include "core/tls/NodeEntry.h"

#include <QByteArray>

namespace raysec::tls {

// Reads node lists. Two formats, told apart by the first entry line:
//   text:  name ip [hostname ...] [role=head]       (whitespace-separated)
//   CSV:   name,ip,hostnames,role                    (hostnames separated by ';'; the header
//                                                     line is optional; role is head or worker)
// Blank lines and lines starting with '#' are ignored. Errors name the line and the fix, and
// the whole list is refused, so a bad line never yields a partial batch.
class NodeListParser
{
public:
    static Result<QList<NodeEntry>> parse(const QByteArray& text);
    static Result<QList<NodeEntry>> readFile(const QString& path);

    static constexpr int maxNodes = 100000;
};

} // namespace raysec::tls
