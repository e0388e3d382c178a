#pragma once

#include "core/cluster/JsonFields.h"
#include "core/cluster/RayModels.h"

#include <functional>

// The two wrapped answer styles of Ray's dashboard (RAY.md): the dashboard envelope
// {"result": bool, "msg": str, "data": {...camelCase...}} and the state API's
// {"result": true, "msg": "", "data": {"result": {"total": n, ..., "result": ...}}}.
// Other modules (audit, quotas) parse their own state lists with readStateEnvelope.
namespace raysec::json {

using ValueHandler = std::function<Result<void>(od::value& value, const JsonPath& path)>;

// Walks a dashboard envelope and hands `data` to onData. A result of false becomes a
// response.ray-error carrying Ray's msg verbatim.
Result<void> readDashboardEnvelope(od::document& doc, const FieldReader& reader,
                                   const ValueHandler& onData);

// Walks a state API envelope, hands the inner "result" (rows for a list, an object for a
// summary) to onResult and returns the list's totals and warnings.
Result<StateListMeta> readStateEnvelope(od::document& doc, const FieldReader& reader,
                                        const ValueHandler& onResult);

// Iterates a state list's rows (an array of objects), handing each object to onRow.
using RowHandler = std::function<Result<void>(od::object& row, const JsonPath& path)>;
Result<std::size_t> forEachRow(od::value& rows, const JsonPath& path, const FieldReader& reader,
                               const RowHandler& onRow);

// Parses a whole state API list body: the entry point for modules that fetch
// /api/v0/tasks, /actors or /placement_groups through RayClient::get.
Result<StateListMeta> parseStateList(const QByteArray& body, const QString& endpoint,
                                     const RowHandler& onRow);

} // namespace raysec::json
