#include "core/ratelimit/RateLimitHeaders.h"
#include "core/ratelimit/RateLimiter.h"
#include "support/TestMain.h"

#include <QTest>

using namespace raysec::ratelimit;
using namespace std::chrono_literals;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void burstThenRefill()
    {
        RateLimitSettings settings;
        settings.tiers = {{"default", {{"*", {2, 5}}}}};
        RateLimiter limiter(settings);
        const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
        for (int i = 0; i < 5; ++i) {
            QVERIFY(limiter.checkKey("k1", "default", "read", t0).allowed);
        }
        const RateDecision refused = limiter.checkKey("k1", "default", "read", t0);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 1);
        QCOMPARE(refused.remaining, 0);
        // Two tokens a second: after 500 ms one request fits again, not two.
        QVERIFY(limiter.checkKey("k1", "default", "read", t0 + 500ms).allowed);
        QVERIFY(!limiter.checkKey("k1", "default", "read", t0 + 500ms).allowed);
    }

    void keysAndRouteClassesAreSeparate()
    {
        RateLimitSettings settings;
        settings.tiers = {{"default", {{"*", {1, 1}}, {"submit", {1, 2}}}}};
        RateLimiter limiter(settings);
        const auto t0 = RateLimiter::Clock::time_point{} + 50s;
        QVERIFY(limiter.checkKey("a", "default", "read", t0).allowed);
        QVERIFY(!limiter.checkKey("a", "default", "read", t0).allowed);
        QVERIFY(limiter.checkKey("b", "default", "read", t0).allowed);
        QVERIFY(limiter.checkKey("a", "default", "submit", t0).allowed);
        QVERIFY(limiter.checkKey("a", "default", "submit", t0).allowed);
        QVERIFY(!limiter.checkKey("a", "default", "submit", t0).allowed);
    }

    void unknownTierFallsBackToDefault()
    {
        RateLimitSettings settings;
        settings.tiers = {{"default", {{"*", {1, 3}}}}, {"gold", {{"*", {100, 200}}}}};
        QCOMPARE(settings.specFor("nope", "read").burst, 3.0);
        QCOMPARE(settings.specFor("gold", "submit").burst, 200.0);
    }

    void shadowModeCountsButAllows()
    {
        RateLimitSettings settings;
        settings.shadow = true;
        settings.perAddress = {1, 1};
        RateLimiter limiter(settings);
        const auto t0 = RateLimiter::Clock::time_point{} + 10s;
        QVERIFY(limiter.checkAddress("10.0.0.1", t0).allowed);
        const RateDecision second = limiter.checkAddress("10.0.0.1", t0);
        QVERIFY(second.allowed);
        QVERIFY(second.shadowRefused);
    }

    void headerFields()
    {
        RateDecision d;
        d.allowed = false;
        d.policyName = "default-read";
        d.limit = 20;
        d.windowSeconds = 2;
        d.remaining = 0;
        d.resetSeconds = 2;
        d.retryAfterSeconds = 1;
        const auto headers = rateLimitHeaders(d);
        QCOMPARE(headers.size(), std::size_t(3));
        QCOMPARE(headers[0].first, std::string("RateLimit-Policy"));
        QCOMPARE(headers[0].second, std::string("\"default-read\";q=20;w=2"));
        QCOMPARE(headers[1].second, std::string("\"default-read\";r=0;t=2"));
        QCOMPARE(headers[2], (std::pair<std::string, std::string>("Retry-After", "1")));
    }

    void headerLinesForAnAllowedRequest()
    {
        RateDecision d;
        d.policyName = "standard";
        d.limit = 120;
        d.windowSeconds = 59.2;
        d.remaining = 117;
        d.resetSeconds = 2;
        std::string lines = "X: y\r\n";
        appendRateLimitFields(d, lines);
        QCOMPARE(lines, std::string("X: y\r\nRateLimit-Policy: \"standard\";q=120;w=60\r\n"
                                    "RateLimit: \"standard\";r=117;t=2\r\n"));
        // The same values as the list form that refusals use.
        const auto headers = rateLimitHeaders(d);
        QCOMPARE(headers.size(), std::size_t(2));
        QVERIFY(lines.find(headers[0].first + ": " + headers[0].second + "\r\n") != lines.npos);
        QVERIFY(lines.find(headers[1].first + ": " + headers[1].second + "\r\n") != lines.npos);
    }

    void idleBucketsAreSwept()
    {
        RateLimitSettings settings;
        settings.perAddress = {1000, 2};
        RateLimiter limiter(settings);
        auto t = RateLimiter::Clock::time_point{} + 10s;
        for (int i = 0; i < 320000; ++i) {
            limiter.checkAddress(std::to_string(i), t);
            t += 1ms;
        }
        // 64 shards sweep from 4,096 buckets each: far fewer than were ever created remain.
        QVERIFY(limiter.bucketCount() < 64 * 4097);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
