#pragma once

#include <QByteArray>

namespace raysec::sim {

// Builds error bodies the way Ray's dashboard sends them: the text of a Python traceback
// ending in the exception line, served as text/plain.
class PythonTraceback
{
public:
    static QByteArray format(const char* module, const char* function, const QByteArray& source,
                             const QByteArray& exceptionLine);
    // Python's repr of a JSON value's type, e.g. "<class 'int'>".
    static QByteArray typeName(const char* jsonTypeName);
};

} // namespace raysec::sim
