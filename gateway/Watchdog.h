#pragma once

#include "gateway/Io.h"

#include <chrono>
#include <functional>
#include <memory>

#include <time.h>

namespace raysec::gateway {

// A deadline for a connection's current operation: when it passes, close() is called, which
// ends whatever operation is pending. Arming and disarming only store a time and a flag. The
// one timer per watchdog is cancelled only when a deadline moves earlier than the time it is
// waiting for; otherwise it wakes at that time, finds the deadline moved on and waits again.
// While disarmed it wakes once per the last timeout. Starting and cancelling a timer around
// every read and write, as Beast's stream timeouts do, cost more on a busy gateway than the
// rest of a connection's bookkeeping.
//
// Runs on the connection's own io_context thread; not for use from other threads.
class Watchdog
{
public:
    using Clock = std::chrono::steady_clock;

    // The time a deadline is counted from. A connection arms its watchdogs several times per
    // request, so this reads the kernel's coarse monotonic clock: the same time base as
    // Clock, updated once per scheduler tick (a few milliseconds at most behind it) and read
    // without the timestamp counter, which costs several times more in a virtual machine. A
    // deadline may therefore pass up to one tick early, which does not matter for timeouts
    // of seconds.
    static Clock::time_point coarseNow()
    {
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
        return Clock::time_point(std::chrono::duration_cast<Clock::duration>(
            std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec)));
    }

    // With `once`, the watchdog stops after the first deadline passes.
    Watchdog(const Executor& executor, std::function<void()> close, bool once)
        : m_state(std::make_shared<State>(executor, std::move(close), once))
    {
    }
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    ~Watchdog()
    {
        // A wait still queued finds the watchdog stopped and calls nothing.
        m_state->stopped = true;
        m_state->close = nullptr;
        m_state->timer.cancel();
    }

    void arm(Clock::duration timeout)
    {
        State& s = *m_state;
        s.deadline = coarseNow() + timeout;
        s.period = timeout;
        s.armed = true;
        if (!s.waiting) {
            wait(m_state, s.deadline);
        } else if (s.deadline < s.waitingUntil) {
            s.timer.cancel(); // the wake-up waits again, for the new deadline
        }
    }

    void disarm() { m_state->armed = false; }
    // Whether a deadline has passed.
    bool expired() const { return m_state->expired; }

private:
    struct State
    {
        State(const Executor& executor, std::function<void()> closeConnection, bool stopAfterOne)
            : timer(executor)
            , close(std::move(closeConnection))
            , once(stopAfterOne)
        {
        }

        Timer timer;
        std::function<void()> close;
        Clock::time_point deadline{};
        Clock::time_point waitingUntil{};
        Clock::duration period{};
        bool once;
        bool armed = false;
        bool waiting = false;
        bool expired = false;
        bool stopped = false;
    };

    static void wait(const std::shared_ptr<State>& state, Clock::time_point until)
    {
        state->waiting = true;
        state->waitingUntil = until;
        state->timer.expires_at(until);
        state->timer.async_wait([state](const boost::system::error_code&) { wake(state); });
    }

    static void wake(const std::shared_ptr<State>& state)
    {
        State& s = *state;
        s.waiting = false;
        if (s.stopped) {
            return;
        }
        const Clock::time_point now = Clock::now();
        if (s.armed && now >= s.deadline) {
            s.expired = true;
            s.armed = false;
            if (s.close) {
                s.close();
            }
            if (s.once || s.stopped) {
                return;
            }
        }
        wait(state, s.armed ? s.deadline : now + s.period);
    }

    std::shared_ptr<State> m_state;
};

} // namespace raysec::gateway
