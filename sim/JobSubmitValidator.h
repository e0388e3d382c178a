#pragma once

#include "sim/ClusterRecords.h"

#include <QByteArray>

#include <variant>

namespace raysec::sim {

// Checks a POST /api/jobs/ body the way Ray's JobSubmitRequest does (field names, types,
// non-negative resources) and turns it into a job, or into the exception line Ray would raise.
class JobSubmitValidator
{
public:
    struct Rejection
    {
        QByteArray exceptionLine; // e.g. "TypeError: entrypoint must be a string, got ..."
    };

    static std::variant<SimJob, Rejection> validate(const QByteArray& body);

private:
    static std::optional<Rejection> checkFields(const nlohmann::json& body);
    static std::optional<Rejection> checkResources(const nlohmann::json& body, SimJob& job);
    static std::optional<Rejection> checkStringMap(const nlohmann::json& body, const char* field);
};

} // namespace raysec::sim
