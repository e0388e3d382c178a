#pragma once

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace raysec::gateway {

// The I/O types of the serving path. A connection lives on one worker's io_context from accept
// to close, so its sockets, timers and coroutines name that executor's type instead of the
// type-erased any_io_executor: every asynchronous operation would otherwise copy, convert and
// destroy erased executors to track its work, which was a measurable share of a forwarded
// request's cost (docs/benchmarks.md).
using Executor = boost::asio::io_context::executor_type;
template <typename T>
using Task = boost::asio::awaitable<T, Executor>;
using Socket = boost::asio::ip::tcp::socket::rebind_executor<Executor>::other;
using Timer = boost::asio::steady_timer::rebind_executor<Executor>::other;

// Completion token: resume the coroutine with the results as a tuple, errors included.
inline constexpr auto tupleAwaitable =
    boost::asio::as_tuple(boost::asio::use_awaitable_t<Executor>());

} // namespace raysec::gateway
