#include "core/cluster/RayClient.h"

#include "core/CoreInfo.h"
#include "core/cluster/ClusterErrors.h"
#include "core/cluster/RayEndpoints.h"
#include "core/cluster/TlsTrust.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>

namespace raysec {

namespace {

void immediateFailure(QObject* context, RayCall::Done done, Error error)
{
    // Delivered later, like every other outcome, so callers see one code path.
    QMetaObject::invokeMethod(
        context,
        [done = std::move(done), error = std::move(error)] { done(std::unexpected(error)); },
        Qt::QueuedConnection);
}

} // namespace

RayClient::RayClient(ClusterProfile profile, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

RayClient::~RayClient()
{
    cancelAll();
}

Result<void> RayClient::configure(const SecretBuffer* keyPassphrase)
{
    if (auto ok = m_profile.validated(); !ok) {
        return ok;
    }
    auto trust = TlsTrust::fromProfile(m_profile, keyPassphrase);
    if (!trust) {
        return std::unexpected(trust.error());
    }
    m_trust = std::make_shared<const TlsTrust>(std::move(*trust));
    return {};
}

QUrl RayClient::urlFor(const QString& path, const QUrlQuery& query) const
{
    QUrl url = m_profile.dashboardUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/'))) {
        base.chop(1);
    }
    url.setPath(base + path);
    url.setQuery(query);
    url.setFragment({});
    return url;
}

RayCall* RayClient::get(const QString& path, const QUrlQuery& query, QObject* context, Done done)
{
    if (!m_trust) {
        immediateFailure(context, std::move(done),
                         ClusterErrors::tlsConfiguration(m_profile.name,
                                                         tr("the connection is not configured")));
        return nullptr;
    }
    const QUrl url = urlFor(path, query);
    QNetworkRequest request(url);
    request.setRawHeader("User-Agent", userAgent().toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (url.scheme() == QLatin1String("https")) {
        request.setSslConfiguration(m_trust->configuration());
    }

    // The header value is built straight from the secret; RayCall wipes it when done.
    QByteArray authorization;
    if (!m_token.isEmpty()) {
        static constexpr char bearer[] = "Bearer ";
        authorization.reserve(qsizetype(sizeof bearer - 1 + m_token.size()));
        authorization.append(bearer, qsizetype(sizeof bearer - 1));
        authorization.append(m_token.data(), qsizetype(m_token.size()));
        request.setRawHeader("Authorization", authorization);
    }

    RayCall::Setup setup;
    setup.endpoint = path;
    setup.host = url.host();
    setup.port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    setup.tokenSent = !m_token.isEmpty();
    setup.authorizationValue = authorization;
    setup.trust = m_trust;
    setup.limits = m_limits;
    setup.context = context;
    setup.done = std::move(done);
    auto* call = new RayCall(m_network->get(request), std::move(setup), this);
    connect(call, &RayCall::certificateUntrusted, this, &RayClient::certificateUntrusted);
    return call;
}

RayCall* RayClient::getVersion(QObject* context, Done done)
{
    return get(QString::fromLatin1(RayEndpoints::version), {}, context, std::move(done));
}

RayCall* RayClient::getAuthenticationMode(QObject* context, Done done)
{
    return get(QString::fromLatin1(RayEndpoints::authenticationMode), {}, context, std::move(done));
}

RayCall* RayClient::getClusterStatus(QObject* context, Done done)
{
    return get(QString::fromLatin1(RayEndpoints::clusterStatus), {}, context, std::move(done));
}

RayCall* RayClient::getNodes(QObject* context, Done done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(RayEndpoints::stateApiMaxLimit));
    return get(QString::fromLatin1(RayEndpoints::nodes), query, context, std::move(done));
}

RayCall* RayClient::getJobs(QObject* context, Done done)
{
    return get(QString::fromLatin1(RayEndpoints::jobs), {}, context, std::move(done));
}

RayCall* RayClient::getJob(const QString& jobOrSubmissionId, QObject* context, Done done)
{
    // Ray's ids are hex or raysubmit_<base62>; anything else could change the path.
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]{1,128}$"));
    if (!idPattern.match(jobOrSubmissionId).hasMatch()) {
        immediateFailure(context, std::move(done),
                         Error{QStringLiteral("request.invalid-id"),
                               tr("%1 is not a Ray job or submission id.").arg(jobOrSubmissionId),
                               tr("Use the id shown in the jobs list.")});
        return nullptr;
    }
    return get(QString::fromLatin1(RayEndpoints::jobs) + jobOrSubmissionId, {}, context,
               std::move(done));
}

RayCall* RayClient::getTaskSummary(QObject* context, Done done)
{
    return get(QString::fromLatin1(RayEndpoints::taskSummary), {}, context, std::move(done));
}

void RayClient::cancelAll()
{
    const auto calls = findChildren<RayCall*>(Qt::FindDirectChildrenOnly);
    for (RayCall* call : calls) {
        call->cancel();
    }
}

} // namespace raysec
