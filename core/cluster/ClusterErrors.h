#pragma once

#include "core/common/Error.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

// The failures of talking to a Ray dashboard, each with a stable code and a translated
// sentence that names the cause and the fix. Codes are part of the CLI's JSON output.
namespace raysec::ClusterErrors {

// Response content
Error malformed(const QString& endpoint, const QString& field, const QString& expected);
Error invalidJson(const QString& endpoint, const QString& detail);
Error rayReportedFailure(const QString& endpoint, const QString& rayMessage);

// HTTP
Error httpStatus(const QString& endpoint, int status, const QString& bodyExcerpt, bool tokenSent);
Error unexpectedRedirect(const QString& endpoint, const QString& location);
Error tooLarge(const QString& endpoint, qint64 limitBytes);

// Network
Error connectionRefused(const QString& host, int port);
Error hostNotFound(const QString& host);
Error timeout(const QString& endpoint, int seconds, bool waitingForConnection);
Error connectionClosed(const QString& host);
Error network(const QString& detail);

// TLS
Error unknownCa(const QString& subject, const QString& fingerprint, const QString& spkiPin);
Error hostnameMismatch(const QString& host, const QStringList& certificateNames);
Error certificateExpired(const QDateTime& expiry);
Error certificateNotYetValid(const QDateTime& start);
Error pinMismatch(const QString& expectedPin, const QString& presentedPin,
                  const QString& fingerprint);
Error certificateRejected(const QString& detail);
Error tlsVersionRefused(const QString& host);
Error tlsHandshake(const QString& detail);
Error tlsConfiguration(const QString& what, const QString& detail);

} // namespace raysec::ClusterErrors
