#include "support/TestMain.h"

#include "ui/widgets/SecretLineEdit.h"

#include <QApplication>
#include <QClipboard>
#include <QKeyEvent>
#include <QTest>

using namespace raysec::ui;

class SecretLineEditTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void typedCharactersGoToTheBufferOnly()
    {
        SecretLineEdit field;
        field.show();
        QTest::keyClicks(&field, QStringLiteral("s3cr3t-tok"));
        QCOMPARE(field.secret().view(), std::string_view("s3cr3t-tok"));
        // The widget's own text never holds the secret.
        QVERIFY(!field.text().contains(QLatin1String("s3cr3t")));
        QCOMPARE(field.text().size(), qsizetype(10));
        QCOMPARE(field.echoMode(), QLineEdit::Password);
    }

    void backspaceRemovesWholeCharacters()
    {
        SecretLineEdit field;
        field.show();
        QTest::keyClicks(&field, QStringLiteral("ab"));
        QKeyEvent accented(QEvent::KeyPress, Qt::Key_Eacute, Qt::NoModifier,
                           QStringLiteral("\u00e9"));
        QApplication::sendEvent(&field, &accented);
        QCOMPARE(field.secret().size(), std::size_t(4)); // é is two bytes in UTF-8
        QTest::keyClick(&field, Qt::Key_Backspace);
        QCOMPARE(field.secret().view(), std::string_view("ab"));
        QTest::keyClick(&field, Qt::Key_Backspace);
        QTest::keyClick(&field, Qt::Key_Backspace);
        QTest::keyClick(&field, Qt::Key_Backspace);
        QVERIFY(field.secret().isEmpty());
        QVERIFY(field.text().isEmpty());
    }

    void pasteAppendsAndTakeEmpties()
    {
        SecretLineEdit field;
        field.show();
        QApplication::clipboard()->setText(QStringLiteral("0123abcd"));
        QTest::keyClick(&field, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(field.secret().view(), std::string_view("0123abcd"));

        raysec::SecretBuffer taken = field.takeSecret();
        QCOMPARE(taken.view(), std::string_view("0123abcd"));
        QVERIFY(field.secret().isEmpty());
        QVERIFY(field.text().isEmpty());
    }

    void copyingIsImpossible()
    {
        SecretLineEdit field;
        field.show();
        QTest::keyClicks(&field, QStringLiteral("hidden"));
        QApplication::clipboard()->setText(QStringLiteral("before"));
        QTest::keyClick(&field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(&field, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("before"));
        QCOMPARE(field.secret().view(), std::string_view("hidden"));
    }
};

QTEST_MAIN(SecretLineEditTest)
#include "tst_secretlineedit.moc"
