#include "sim/PythonTraceback.h"

#include <cstring>

namespace raysec::sim {

QByteArray PythonTraceback::format(const char* module, const char* function,
                                   const QByteArray& source, const QByteArray& exceptionLine)
{
    const QByteArray root =
        "/home/ray/anaconda3/lib/python3.11/site-packages/ray/dashboard/modules/";
    return "Traceback (most recent call last):\n  File \"" + root + module + "\", line 287, in " +
           function + "\n    " + source + "\n  File \"" + root +
           "job/common.py\", line 451, in __post_init__\n    raise TypeError(\n" + exceptionLine +
           "\n";
}

QByteArray PythonTraceback::typeName(const char* jsonTypeName)
{
    const char* python = "NoneType";
    if (std::strcmp(jsonTypeName, "string") == 0) {
        python = "str";
    } else if (std::strcmp(jsonTypeName, "number") == 0) {
        python = "int";
    } else if (std::strcmp(jsonTypeName, "boolean") == 0) {
        python = "bool";
    } else if (std::strcmp(jsonTypeName, "array") == 0) {
        python = "list";
    } else if (std::strcmp(jsonTypeName, "object") == 0) {
        python = "dict";
    }
    return QByteArray("<class '") + python + "'>";
}

} // namespace raysec::sim
