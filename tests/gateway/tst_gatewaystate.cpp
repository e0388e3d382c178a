#include "gateway/AuditLog.h"
#include "gateway/GatewayConfig.h"
#include "gateway/HttpTypes.h"
#include "gateway/LoginThrottle.h"
#include "gateway/RequestGuard.h"
#include "gateway/SessionStore.h"
#include "gateway/Watchdog.h"
#include "support/TestMain.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace raysec::gateway;
using namespace std::chrono_literals;
namespace beast = boost::beast;

namespace {

// A registry double with one key per outcome; the real registry is exercised end to end in
// tst_gateway_e2e.
class TableKeyAuthority : public KeyAuthority
{
public:
    Outcome authenticate(std::string_view presented,
                         std::chrono::system_clock::time_point) const override
    {
        Outcome outcome;
        if (presented == "rsk_reader") {
            outcome.identity = Identity{Identity::Kind::ApiKey,        "reader", "ml", "default",
                                        {"cluster:read", "jobs:read"}, {}};
        } else if (presented == "rsk_submitter") {
            outcome.identity =
                Identity{Identity::Kind::ApiKey, "submitter", "ml", "default", {"jobs:submit"}, {}};
        } else if (presented == "rsk_revoked") {
            outcome.rejection = KeyRejection::Revoked;
        } else {
            outcome.rejection = KeyRejection::Malformed;
        }
        return outcome;
    }
    std::int64_t version() const override { return 1; }
};

GatewayConfig testConfig()
{
    auto config = GatewayConfig::fromJson(R"({"listen": "127.0.0.1:0", "plainHttp": true,
        "rateLimits": {"perAddress": {"rate": 1000, "burst": 1000},
                       "tiers": {"default": {"*": {"rate": 1, "burst": 3}}}}})");
    return *config;
}

Request request(http::verb verb, std::string target, std::string credential = {})
{
    Request r{verb, target, 11};
    r.set(http::field::host, "gateway.example:8443");
    if (!credential.empty()) {
        r.set(http::field::authorization, "Bearer " + credential);
    }
    return r;
}

} // namespace

class TestGatewayState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void configRejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("complaint");
        QTest::newRow("not json") << QByteArray("{") << QByteArray("not a JSON object");
        QTest::newRow("array") << QByteArray("[]") << QByteArray("not a JSON object");
        QTest::newRow("plain http on public address")
            << QByteArray(R"({"listen": "0.0.0.0:80", "plainHttp": true})")
            << QByteArray("plainHttp is only allowed");
        QTest::newRow("no certificate") << QByteArray("{}") << QByteArray("certificate and key");
        QTest::newRow("remote upstream")
            << QByteArray(
                   R"({"plainHttp": true, "listen": "127.0.0.1:1", "upstream": "10.0.0.1:8265"})")
            << QByteArray("upstream must be the Ray dashboard on loopback");
        QTest::newRow("public admin")
            << QByteArray(
                   R"({"plainHttp": true, "listen": "127.0.0.1:1", "admin": "0.0.0.0:9464"})")
            << QByteArray("admin must listen on a loopback");
        QTest::newRow("bad port") << QByteArray(R"({"listen": "127.0.0.1:99999"})")
                                  << QByteArray("invalid port");
        QTest::newRow("host name")
            << QByteArray(R"({"listen": "example.org:443"})") << QByteArray("numeric IP");
        QTest::newRow("wrong type")
            << QByteArray(R"({"plainHttp": "yes"})") << QByteArray("wrong type");
        QTest::newRow("negative rate") << QByteArray(R"({"plainHttp": true, "listen": "127.0.0.1:1",
                 "rateLimits": {"perAddress": {"rate": -1, "burst": 5}}})")
                                       << QByteArray("rate must be");
        QTest::newRow("tunnel idle zero") << QByteArray(R"({"plainHttp": true,
                 "listen": "127.0.0.1:1", "tunnelIdleSeconds": 0})")
                                          << QByteArray("between 1 second and 7 days");
        QTest::newRow("huge body")
            << QByteArray(R"({"plainHttp": true, "listen": "127.0.0.1:1", "maxBodyBytes": 1e12})")
            << QByteArray("");
    }

    void configRejectsBadFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, complaint);
        const auto config = GatewayConfig::fromJson(json.toStdString());
        QVERIFY(!config.has_value());
        QVERIFY2(QByteArray::fromStdString(config.error()).contains(complaint),
                 config.error().c_str());
    }

    void auditChainDetectsEditsAndRemovals()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("audit.jsonl")).toStdString();
        {
            AuditLog log;
            QVERIFY(log.open(path).has_value());
            for (int i = 0; i < 5; ++i) {
                log.append({{"type", "request"}, {"n", i}});
            }
            log.flush();
        }
        QCOMPARE(AuditLog::verify(path).value_or(0), 5u);
        {
            // Reopening continues the same chain.
            AuditLog log;
            QVERIFY(log.open(path).has_value());
            log.append({{"type", "request"}, {"n", 5}});
            log.flush();
        }
        QCOMPARE(AuditLog::verify(path).value_or(0), 6u);

        QFile file(QString::fromStdString(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        const auto rewrite = [&](const QList<QByteArray>& content) {
            QFile out(QString::fromStdString(path));
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(content.join('\n'));
        };
        QList<QByteArray> edited = lines;
        edited[2].replace("\"n\":2", "\"n\":7");
        rewrite(edited);
        QVERIFY(AuditLog::verify(path).error().find("line 3 was altered") != std::string::npos);

        QList<QByteArray> removed = lines;
        removed.removeAt(3);
        rewrite(removed);
        QVERIFY(!AuditLog::verify(path).has_value());
    }

    void requestEventsAreWhatJsonWouldWrite_data()
    {
        QTest::addColumn<QByteArray>("who");
        QTest::addColumn<QByteArray>("peer");
        QTest::newRow("plain") << QByteArray("k_0123456789abcdef") << QByteArray("127.0.0.1");
        QTest::newRow("empty") << QByteArray() << QByteArray("::1");
        QTest::newRow("quotes and escapes")
            << QByteArray("a\"b\\c\nd\re\tf\bg\fh") << QByteArray("x");
        QTest::newRow("control characters") << QByteArray("\x01\x1f\x7f", 3) << QByteArray("y");
        QTest::newRow("unicode") << QByteArray("J\xc3\xbcrgen \xe2\x82\xac \xf0\x9f\x94\x91")
                                 << QByteArray("fe80::1");
        QTest::newRow("invalid utf-8")
            << QByteArray("bad\xff\xc3(\xe2\x82") << QByteArray("\xed\xa0\x80");
        QTest::newRow("overlong") << QByteArray("\xc0\xaf") << QByteArray("\xf4\x90\x80\x80");
    }

    // The audit writer formats request events itself; verify() checks each line's hash against
    // nlohmann's own serialisation of the parsed event, so the two must agree byte for byte.
    void requestEventsAreWhatJsonWouldWrite()
    {
        QFETCH(QByteArray, who);
        QFETCH(QByteArray, peer);
        const std::string whoText = who.toStdString();
        const std::string peerText = peer.toStdString();
        const AuditLog::RequestEvent event{"jobs-submit", whoText, peerText, "scope", 403};
        std::string text;
        AuditLog::formatRequestEvent(event, "2026-01-02T03:04:05.678Z", text);
        const nlohmann::json expected = {{"type", "request"},
                                         {"route", "jobs-submit"},
                                         {"who", who.toStdString()},
                                         {"peer", peer.toStdString()},
                                         {"decision", "scope"},
                                         {"status", 403},
                                         {"time", "2026-01-02T03:04:05.678Z"}};
        QCOMPARE(QByteArray::fromStdString(text),
                 QByteArray::fromStdString(
                     expected.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
        const auto reparsed = nlohmann::json::parse(text, nullptr, false);
        QVERIFY(!reparsed.is_discarded());
        QCOMPARE(QByteArray::fromStdString(reparsed.dump()), QByteArray::fromStdString(text));

        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("audit.jsonl")).toStdString();
        {
            AuditLog log;
            QVERIFY(log.open(path).has_value());
            log.appendRequest(event);
            log.append({{"type", "login"}, {"user", who.toStdString()}});
            log.appendRequest(event);
            log.flush();
        }
        const auto verified = AuditLog::verify(path);
        QVERIFY2(verified.has_value(), verified ? "" : verified.error().c_str());
        QCOMPARE(*verified, 3u);
    }

    void wireTextParsesBackToTheSameMessage_data()
    {
        QTest::addColumn<int>("bodyBytes");
        QTest::newRow("no body") << 0;
        QTest::newRow("copied behind the fields") << 300;
        QTest::newRow("sent from the message") << int(WireWriter::copiedBodyBytes + 1);
    }

    void wireTextParsesBackToTheSameMessage()
    {
        QFETCH(int, bodyBytes);
        Request request{http::verb::post, "/api/jobs/?x=1%202", 11};
        request.set(http::field::host, "127.0.0.1:8265");
        request.set("X-Custom", "a: b");
        request.body().assign(std::size_t(bodyBytes), 'j');
        request.prepare_payload();
        Response response{http::status::too_many_requests, 10};
        response.set(http::field::retry_after, "3");
        response.body().assign(std::size_t(bodyBytes), 'r');
        response.prepare_payload();

        WireWriter writer;
        const auto wire = [](const auto& buffers) {
            std::string text;
            for (const auto& b : buffers) {
                text.append(static_cast<const char*>(b.data()), b.size());
            }
            return text;
        };
        const std::string requestText = wire(writer.prepare(request));
        QCOMPARE(writer.prepare(request)[1].size() > 0,
                 std::size_t(bodyBytes) > WireWriter::copiedBodyBytes);
        // put() stops after the header; feed it the rest the way a stream read would.
        const auto parse = [](auto& parser, std::string_view text, beast::error_code& ec) {
            parser.eager(true);
            while (!text.empty() && !ec) {
                text.remove_prefix(parser.put(boost::asio::buffer(text.data(), text.size()), ec));
            }
        };
        http::request_parser<http::string_body> requestParser;
        requestParser.body_limit(1024 * 1024);
        beast::error_code ec;
        parse(requestParser, requestText, ec);
        QVERIFY2(!ec, ec.message().c_str());
        QVERIFY(requestParser.is_done());
        const Request& parsedRequest = requestParser.get();
        QCOMPARE(parsedRequest.method(), http::verb::post);
        QCOMPARE(std::string(parsedRequest.target()), std::string("/api/jobs/?x=1%202"));
        QCOMPARE(std::string(parsedRequest["X-Custom"]), std::string("a: b"));
        QCOMPARE(parsedRequest.body(), request.body());

        const std::string responseText = wire(writer.prepare(response));
        QVERIFY(responseText.starts_with("HTTP/1.0 429 Too Many Requests\r\n"));
        http::response_parser<http::string_body> responseParser;
        parse(responseParser, responseText, ec);
        QVERIFY2(!ec, ec.message().c_str());
        QCOMPARE(responseParser.get().result(), http::status::too_many_requests);
        QCOMPARE(std::string(responseParser.get()[http::field::retry_after]), std::string("3"));
        QCOMPARE(responseParser.get().body(), response.body());
    }

    void sessionsExpireWhenIdleOrTooOld()
    {
        SessionStore store(10min, 1h);
        const auto t0 = SessionStore::Clock::time_point{} + 100h;
        Identity who{Identity::Kind::User, "ada", "ml", "default", {}, "operator"};
        const std::string id = store.create(who, t0);
        QCOMPARE(id.size(), std::size_t(64));
        QVERIFY(store.find(id, t0 + 9min).has_value());
        QVERIFY(store.find(id, t0 + 18min).has_value());  // activity keeps it alive
        QVERIFY(!store.find(id, t0 + 29min).has_value()); // idle too long

        const std::string old = store.create(who, t0);
        for (auto t = t0; t < t0 + 61min; t += 5min) {
            store.find(old, t);
        }
        QVERIFY(!store.find(old, t0 + 61min).has_value()); // absolute limit

        const std::string loggedOut = store.create(who, t0);
        store.remove(loggedOut);
        QVERIFY(!store.find(loggedOut, t0).has_value());
    }

    void sessionCookies()
    {
        SessionStore store(10min, 1h);
        const std::string header = store.setCookieHeader(std::string(64, 'a'));
        QCOMPARE(header, "__Host-raysec_session=" + std::string(64, 'a') +
                             "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=3600");
        QCOMPARE(SessionStore::clearCookieHeader(),
                 "__Host-raysec_session=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
        const std::string id(64, 'b');
        QCOMPARE(SessionStore::idFromCookie("x=1; __Host-raysec_session=" + id + "; y=2").value(),
                 id);
        QVERIFY(!SessionStore::idFromCookie("__Host-raysec_session=short").has_value());
        QVERIFY(!SessionStore::idFromCookie("__Host-raysec_session=" + std::string(64, 'Z')));
    }

    // Deadlines are counted from the coarse clock and waited for with steady_clock timers, so
    // the two must share their time base: the coarse clock may lag by a scheduler tick, never
    // lead.
    void watchdogClockFollowsTheSteadyClock()
    {
        for (int i = 0; i < 100; ++i) {
            const auto coarse = Watchdog::coarseNow();
            const auto fine = Watchdog::Clock::now();
            QVERIFY(coarse <= fine);
            QVERIFY(fine - coarse < std::chrono::milliseconds(500));
        }
    }

    void loginThrottleLocksOutAndBacksOff()
    {
        LoginThrottle throttle(3, 15min);
        const auto t0 = LoginThrottle::Clock::time_point{} + 1h;
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(throttle.retryAfter("ada", "10.0.0.1", t0), 0);
            throttle.recordFailure("ada", "10.0.0.1", t0);
        }
        QCOMPARE(throttle.retryAfter("ada", "10.0.0.1", t0), 0);
        throttle.recordFailure("ada", "10.0.0.1", t0);
        QCOMPARE(throttle.retryAfter("ada", "10.0.0.2", t0), 1); // per user
        QCOMPARE(throttle.retryAfter("bob", "10.0.0.1", t0), 1); // per address
        throttle.recordFailure("ada", "10.0.0.1", t0);
        QCOMPARE(throttle.retryAfter("ada", "10.0.0.9", t0), 2); // doubles
        throttle.recordSuccess("ada", "10.0.0.1");
        QCOMPARE(throttle.retryAfter("ada", "10.0.0.9", t0), 0);
    }

    void guardDecisions_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("credential");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no credentials") << "GET"
                                        << "/api/version"
                                        << "" << 401 << "credentials-missing";
        QTest::newRow("reader reads") << "GET"
                                      << "/api/version"
                                      << "rsk_reader" << 0 << "allowed";
        QTest::newRow("reader cannot submit") << "POST"
                                              << "/api/jobs/"
                                              << "rsk_reader" << 403 << "forbidden";
        QTest::newRow("submitter cannot read") << "GET"
                                               << "/api/jobs/"
                                               << "rsk_submitter" << 403 << "forbidden";
        QTest::newRow("revoked") << "GET"
                                 << "/api/version"
                                 << "rsk_revoked" << 401 << "key-revoked";
        QTest::newRow("mistyped") << "GET"
                                  << "/api/version"
                                  << "rsk_typo" << 401 << "key-malformed";
        QTest::newRow("closed route") << "GET"
                                      << "/log_proxy?url=http://x"
                                      << "rsk_reader" << 404 << "route-closed";
        QTest::newRow("health needs nothing") << "GET"
                                              << "/api/gcs_healthz"
                                              << "" << 0 << "";
        QTest::newRow("profiling needs admin") << "GET"
                                               << "/worker/cpu_profile?pid=1"
                                               << "rsk_reader" << 403 << "forbidden";
        QTest::newRow("submission without policy") << "POST"
                                                   << "/api/jobs/"
                                                   << "rsk_submitter" << 503 << "no-policy";
    }

    void guardDecisions()
    {
        QFETCH(QString, method);
        QFETCH(QString, target);
        QFETCH(QString, credential);
        QFETCH(int, status);
        QFETCH(QString, reason);

        GatewayState state(testConfig());
        auto bundles = std::make_shared<Bundles>();
        bundles->keys = std::make_shared<TableKeyAuthority>();
        state.bundles.store(bundles);
        RequestGuard guard(state);
        Request r = request(http::string_to_verb(method.toStdString()), target.toStdString(),
                            credential.toStdString());
        const Decision d = guard.evaluate(r, "127.0.0.1");
        QCOMPARE(d.reason, reason.toStdString());
        if (status == 0) {
            QVERIFY(d.action == Decision::Action::Forward);
        } else {
            QVERIFY(d.action == Decision::Action::Respond);
            QCOMPARE(d.response.result_int(), unsigned(status));
            QVERIFY(d.response.body().find("\"message\"") != std::string::npos);
        }
    }

    void guardRateLimitsPerKeyWithHeaders()
    {
        GatewayState state(testConfig());
        auto bundles = std::make_shared<Bundles>();
        bundles->keys = std::make_shared<TableKeyAuthority>();
        state.bundles.store(bundles);
        RequestGuard guard(state);
        for (int i = 0; i < 3; ++i) {
            Request r = request(http::verb::get, "/api/version", "rsk_reader");
            const Decision d = guard.evaluate(r, "127.0.0.1");
            QVERIFY(d.action == Decision::Action::Forward);
            QVERIFY2(d.responseFields.starts_with("RateLimit-Policy: \""),
                     d.responseFields.c_str());
            QVERIFY2(d.responseFields.find("\r\nRateLimit: \"") != std::string::npos,
                     d.responseFields.c_str());
            QVERIFY(d.responseFields.ends_with("\r\n"));
        }
        Request r = request(http::verb::get, "/api/version", "rsk_reader");
        const Decision limited = guard.evaluate(r, "127.0.0.1");
        QCOMPARE(limited.response.result_int(), 429u);
        QVERIFY(!limited.response[http::field::retry_after].empty());
        QVERIFY(!limited.response["RateLimit"].empty());
    }
};

QTEST_GUILESS_MAIN(TestGatewayState)
#include "tst_gatewaystate.moc"
