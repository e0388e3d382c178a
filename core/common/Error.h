#pragma once

#include <QString>

#include <expected>

namespace raysec {

// A failure a person can act on: what went wrong and, where known, what to do about it.
// `code` is a stable machine-readable identifier ("tls.unknown-ca", "http.401") for tests,
// JSON output and scripts; `message` and `hint` are translated sentences.
struct Error
{
    QString code;
    QString message;
    QString hint;

    // message and hint joined into one paragraph.
    QString text() const;

    // Qt's meta-type system asks for equality of every type a signal carries (Result<T> too).
    friend bool operator==(const Error&, const Error&) = default;
};

template <typename T>
using Result = std::expected<T, Error>;

// Shorthand for returning a failure from a function that returns Result<T>.
inline std::unexpected<Error> fail(QString code, QString message, QString hint = {})
{
    return std::unexpected<Error>(Error{std::move(code), std::move(message), std::move(hint)});
}

} // namespace raysec
