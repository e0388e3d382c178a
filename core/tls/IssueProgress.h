#pragma once

namespace raysec::tls {

// How a long batch reports progress and learns that the person cancelled it. The GUI, the CLI
// and tests implement it; calls come from the worker thread.
class IssueProgress
{
public:
    virtual ~IssueProgress() = default;
    virtual void progressed(int done, int total) = 0;
    virtual bool isCancelled() const = 0;
};

} // namespace raysec::tls
