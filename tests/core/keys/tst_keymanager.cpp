// KeyManager, KeyRegistry, KeyAuditLog, RegistryBundle and KeyValidator on a real SQLite store.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/keys/ApiKeyFormat.h"
#include "core/keys/KeyManager.h"
#include "core/keys/MinisignKeyPair.h"
#include "core/keys/MinisignPublicKey.h"
#include "core/keys/RegistryBundle.h"
#include "core/store/Database.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>

using namespace raysec;

namespace {

QStringList capturedLogs;
QtMessageHandler previousHandler = nullptr;

void captureLogs(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    capturedLogs << message;
    if (previousHandler) {
        previousHandler(type, context, message);
    }
}

const QDateTime T0 = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);

KeyRequest request(const QString& owner, const QString& team)
{
    KeyRequest r;
    r.owner = owner;
    r.team = team;
    r.description = QStringLiteral("CI runner");
    r.scopes = {QStringLiteral("jobs:read"), QStringLiteral("jobs:submit")};
    r.expires = T0.addDays(90);
    return r;
}

QByteArray storeBytes(const QString& path)
{
    return raysec::test::readFile(path) + raysec::test::readFile(path + QStringLiteral("-wal"));
}

void writeFile(const QString& path, const std::string& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.data(), qint64(text.size()));
}

} // namespace

class TestKeyManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        raysec::test::failOnWarnings();
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("store-%1.db").arg(++m_counter));
        auto db = Database::open(m_path);
        QVERIFY(db);
        m_db = std::make_unique<Database>(std::move(*db));
        m_keys = std::make_unique<KeyManager>(*m_db, QStringLiteral("tester"));
        QVERIFY(m_keys->migrate());
    }

    void cleanup()
    {
        m_keys.reset();
        m_db.reset();
    }

    void issueKeepsOnlyTheHash()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("raysec.*.debug=true"));
        capturedLogs.clear();
        previousHandler = qInstallMessageHandler(captureLogs);
        std::vector<IssuedKey> issued;
        for (int i = 0; i < 3; ++i) {
            auto key = m_keys->issue(request(QStringLiteral("alice"), QStringLiteral("ml")), T0);
            QVERIFY2(key, qPrintable(key ? QString() : key.error().text()));
            issued.push_back(std::move(*key));
        }
        auto rotated = m_keys->rotate(issued[0].record.id, T0.addDays(1), {}, T0);
        QVERIFY(rotated);
        issued.push_back(std::move(*rotated));
        qInstallMessageHandler(previousHandler);
        QLoggingCategory::setFilterRules({});

        const QByteArray store = storeBytes(m_path);
        QVERIFY(store.size() > 0);
        QVERIFY(!capturedLogs.isEmpty());
        for (const IssuedKey& k : issued) {
            const auto parts = *ApiKeyFormat::parse(k.secret.view());
            const QByteArray secretPart(parts.secret.data(), qsizetype(parts.secret.size()));
            QVERIFY(!store.contains(secretPart));
            QVERIFY(!capturedLogs.join(u'\n').toUtf8().contains(secretPart));
            QVERIFY(store.contains(k.record.id.toLatin1()));
            auto found = m_keys->registry().find(k.record.id);
            QVERIFY(found);
            QVERIFY(ApiKeyHash::equal(found->secretHash, ApiKeyHash::of(parts.body)));
        }
    }

    void invalidRequestsChangeNothing_data()
    {
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QString>("team");
        QTest::addColumn<QStringList>("scopes");
        QTest::addColumn<QString>("code");
        const QStringList ok = {QStringLiteral("jobs:read")};
        QTest::newRow("empty owner")
            << QString() << QStringLiteral("ml") << ok << QStringLiteral("keys.field");
        QTest::newRow("hostile team") << QStringLiteral("bob") << QStringLiteral("ml'; DROP") << ok
                                      << QStringLiteral("keys.field");
        QTest::newRow("unknown scope")
            << QStringLiteral("bob") << QStringLiteral("ml")
            << QStringList{QStringLiteral("jobs:delete")} << QStringLiteral("keys.scope");
        QTest::newRow("no scope") << QStringLiteral("bob") << QStringLiteral("ml") << QStringList()
                                  << QStringLiteral("keys.no-scope");
    }

    void invalidRequestsChangeNothing()
    {
        QFETCH(QString, owner);
        QFETCH(QString, team);
        QFETCH(QStringList, scopes);
        QFETCH(QString, code);
        KeyRequest r = request(owner, team);
        r.scopes = scopes;
        auto key = m_keys->issue(r, T0);
        QVERIFY(!key);
        QCOMPARE(key.error().code, code);
        QCOMPARE(m_keys->list({}, T0)->size(), std::size_t(0));
        QCOMPARE(m_keys->audit().list()->size(), std::size_t(0));
    }

    void rotationGraceAndExpiry()
    {
        auto old = m_keys->issue(request(QStringLiteral("alice"), QStringLiteral("ml")), T0);
        QVERIFY(old);
        auto fresh = m_keys->rotate(old->record.id, T0.addDays(7), T0.addDays(180), T0.addSecs(60));
        QVERIFY(fresh);
        QCOMPARE(fresh->record.replaces, old->record.id);
        QCOMPARE(m_keys->registry().find(old->record.id)->status, KeyStatus::Grace);
        QVERIFY(!m_keys->rotate(old->record.id, T0.addDays(7), {}, T0.addSecs(60)));

        // Expiry happens by itself when the registry is next read.
        auto later = m_keys->list({}, T0.addDays(8));
        QVERIFY(later);
        QCOMPARE(m_keys->registry().find(old->record.id)->status, KeyStatus::Expired);
        QCOMPARE(m_keys->registry().find(fresh->record.id)->status, KeyStatus::Active);
        QStringList actions;
        const auto events = m_keys->audit().list();
        QVERIFY(events);
        for (const auto& e : *events) {
            actions << e.action;
        }
        QCOMPARE(actions, (QStringList{QStringLiteral("issue"), QStringLiteral("issue"),
                                       QStringLiteral("rotate"), QStringLiteral("expire")}));
    }

    void revokeNeedsReasonAndIsImmediate()
    {
        auto key = m_keys->issue(request(QStringLiteral("bob"), QStringLiteral("web")), T0);
        QVERIFY(key);
        auto noReason = m_keys->revoke(key->record.id, QStringLiteral("  "), T0);
        QVERIFY(!noReason);
        QCOMPARE(noReason.error().code, QStringLiteral("keys.reason"));
        QVERIFY(m_keys->revoke(key->record.id, QStringLiteral("laptop lost"), T0));
        auto r = m_keys->registry().find(key->record.id);
        QCOMPARE(r->status, KeyStatus::Revoked);
        QCOMPARE(r->statusReason, QStringLiteral("laptop lost"));
        QVERIFY(!m_keys->revoke(QStringLiteral("nosuchkey123"), QStringLiteral("x"), T0));
    }

    void teamBulkActionsTouchOnlyThatTeam()
    {
        for (const char* team : {"ml", "ml", "web"}) {
            QVERIFY(m_keys->issue(request(QStringLiteral("carol"), QString::fromLatin1(team)), T0));
        }
        auto rotated = m_keys->rotateTeam(QStringLiteral("ml"), T0.addDays(2), {}, T0);
        QVERIFY(rotated);
        QCOMPARE(rotated->size(), std::size_t(2));
        auto revoked = m_keys->revokeTeam(QStringLiteral("ml"), QStringLiteral("team closed"), T0);
        QVERIFY(revoked);
        QCOMPARE(*revoked, 4);
        auto web = m_keys->list({QStringLiteral("web"), {}, {}}, T0);
        QCOMPARE(web->size(), std::size_t(1));
        QCOMPARE(web->front().status, KeyStatus::Active);
        auto mlActive = m_keys->list({QStringLiteral("ml"), KeyStatus::Active, {}}, T0);
        QCOMPARE(mlActive->size(), std::size_t(0));
    }

    void auditChainDetectsEditedRow()
    {
        for (int i = 0; i < 3; ++i) {
            QVERIFY(m_keys->issue(request(QStringLiteral("dave"), QStringLiteral("ops")), T0));
        }
        auto clean = m_keys->audit().verify();
        QVERIFY(clean);
        QCOMPARE(clean->rows, qint64(3));

        QSqlQuery edit(m_db->connection());
        QVERIFY(edit.exec(QStringLiteral("UPDATE key_audit SET detail = 'owner mallory' "
                                         "WHERE seq = 2")));
        auto broken = m_keys->audit().verify();
        QVERIFY(!broken);
        QCOMPARE(broken.error().code, QStringLiteral("audit.tampered"));
        QVERIFY2(broken.error().message.contains(QStringLiteral("row 2")),
                 qPrintable(broken.error().message));
    }

    void auditChainDetectsRemovedRow()
    {
        for (int i = 0; i < 3; ++i) {
            QVERIFY(m_keys->issue(request(QStringLiteral("erin"), QStringLiteral("ops")), T0));
        }
        QSqlQuery remove(m_db->connection());
        QVERIFY(remove.exec(QStringLiteral("DELETE FROM key_audit WHERE seq = 1")));
        auto broken = m_keys->audit().verify();
        QVERIFY(!broken);
        QVERIFY(broken.error().message.contains(QStringLiteral("row 1")));
    }

    void signedBundleVerifiesWithMinisignAndGateway()
    {
        auto live = m_keys->issue(request(QStringLiteral("frank"), QStringLiteral("ml")), T0);
        auto gone = m_keys->issue(request(QStringLiteral("grace"), QStringLiteral("ml")), T0);
        QVERIFY(live && gone);
        QVERIFY(m_keys->revoke(gone->record.id, QStringLiteral("left"), T0));
        const auto pair = MinisignKeyPair::generate();
        const auto records = *m_keys->list({}, T0);
        const std::string json = RegistryBundle::toJson(records, T0, pair.keyIdHex());
        auto sig = RegistryBundle::sign(json, pair, T0, records.size());
        QVERIFY(sig);
        for (const IssuedKey* k : {&*live, &*gone}) {
            const auto parts = *ApiKeyFormat::parse(k->secret.view());
            QVERIFY(json.find(parts.secret) == std::string::npos);
        }

        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("key.pub")), pair.publicKeyFile());
        writeFile(dir.filePath(QStringLiteral("registry.json")), json);
        writeFile(dir.filePath(QStringLiteral("registry.json.minisig")), *sig);
        QCOMPARE(QProcess::execute(QStringLiteral("minisign"),
                                   {QStringLiteral("-Vq"), QStringLiteral("-p"),
                                    dir.filePath(QStringLiteral("key.pub")), QStringLiteral("-m"),
                                    dir.filePath(QStringLiteral("registry.json"))}),
                 0);
        std::string changed = json;
        changed[changed.find("\"ml\"") + 1] = 'n';
        writeFile(dir.filePath(QStringLiteral("registry.json")), changed);
        QCOMPARE(QProcess::execute(QStringLiteral("minisign"),
                                   {QStringLiteral("-Vq"), QStringLiteral("-p"),
                                    dir.filePath(QStringLiteral("key.pub")), QStringLiteral("-m"),
                                    dir.filePath(QStringLiteral("registry.json"))}),
                 1);

        const auto pub = *MinisignPublicKey::parse(pair.publicKeyFile());
        QVERIFY(!RegistryBundle::loadVerified(changed, *sig, pub));
        auto validator = RegistryBundle::loadVerified(json, *sig, pub);
        QVERIFY(validator);
        const qint64 now = T0.addSecs(10).toSecsSinceEpoch();
        using V = KeyValidator::Verdict;
        QCOMPARE(validator->validate(live->secret.view(), now).verdict, V::Valid);
        QCOMPARE(validator->validate(gone->secret.view(), now).verdict, V::Revoked);
        QCOMPARE(
            validator->validate(live->secret.view(), T0.addDays(91).toSecsSinceEpoch()).verdict,
            V::Expired);
        QCOMPARE(
            validator->validate(live->secret.view(), T0.addDays(-1).toSecsSinceEpoch()).verdict,
            V::NotYetValid);
        const auto parts = *ApiKeyFormat::parse(live->secret.view());
        QCOMPARE(validator->validate(live->secret.view(), now).id, parts.id);
        const SecretBuffer guessed =
            ApiKeyFormat::assemble(parts.id, std::string(ApiKeyFormat::SecretLength, 'A'));
        QCOMPARE(validator->validate(guessed.view(), now).verdict, V::WrongSecret);
        const SecretBuffer unknown = ApiKeyFormat::generate();
        QCOMPARE(validator->validate(unknown.view(), now).verdict, V::UnknownKey);
        QCOMPARE(validator->validate("rsk_short", now).verdict, V::Malformed);
    }

    void malformedBundlesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::newRow("not json") << QByteArray("[") << QStringLiteral("bundle.format");
        QTest::newRow("wrong format") << QByteArray(R"({"format":"x","version":1,"keys":[]})")
                                      << QStringLiteral("bundle.format");
        QTest::newRow("bad hash")
            << QByteArray(
                   R"({"format":"raysec-key-registry","version":1,"keys":[{"id":)"
                   R"("abcdefghijkl","status":"active","secretHash":"zz","scopes":["admin"]}]})")
            << QStringLiteral("bundle.entry");
        QTest::newRow("bad scope")
            << QByteArray(R"({"format":"raysec-key-registry","version":1,"keys":[{"id":)"
                          R"("abcdefghijkl","status":"active","secretHash":")" +
                          QByteArray(64, 'a') + R"(","scopes":["root"]}]})")
            << QStringLiteral("bundle.entry");
    }

    void malformedBundlesAreNamed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        auto parsed = RegistryBundle::parse(json.toStdString());
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, code);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<KeyManager> m_keys;
};

QTEST_GUILESS_MAIN(TestKeyManager)
#include "tst_keymanager.moc"
