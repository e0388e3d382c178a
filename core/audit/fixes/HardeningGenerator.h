#pragma once

#include "core/audit/fixes/HardeningInputs.h"
#include "core/audit/fixes/HardeningOutput.h"
#include "core/audit/fixes/HardeningPlan.h"

#include <atomic>

namespace raysec {

// Runs the generator of every fix kind chosen in a plan, in an order where later fixes can
// refer to earlier files, then adds the start files, the verification step and RUNBOOK.md.
// Nothing is written to disk here. Safe to call on a worker thread.
class HardeningGenerator
{
public:
    static Result<HardeningOutput> generate(const HardeningPlan& plan,
                                            const HardeningInputs& inputs,
                                            const std::atomic<bool>* cancelled = nullptr);

private:
    static Result<void> runKind(const QString& kind, const HardeningPlan& plan,
                                const HardeningInputs& inputs, HardeningOutput& out);
    static void finish(const HardeningPlan& plan, const HardeningInputs& inputs,
                       HardeningOutput& out);
};

} // namespace raysec
