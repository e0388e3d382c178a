#include "ui/main/ConsoleStyle.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace raysec::ui {

namespace {

const char* const styleSheet = R"(
QMainWindow, QStackedWidget#pages { background: #f4f6f9; }
QWidget#sidebar { background: #17212f; }
QWidget#sidebar QLabel { color: #c9d3e0; }
QLabel#brand { color: #ffffff; font-size: 20px; font-weight: 600; }
QLabel#tagline { color: #8a9bb2; font-size: 11px; }
QLabel#sidebarHeading { color: #8a9bb2; font-size: 11px; font-weight: 600;
    text-transform: uppercase; letter-spacing: 1px; }
QWidget#sidebar QListWidget { background: #1e2a3b; color: #e6ecf3; border: 1px solid #2a3a50;
    border-radius: 6px; padding: 4px; outline: 0; }
QWidget#sidebar QListWidget::item { padding: 7px 8px; border-radius: 4px; }
QWidget#sidebar QListWidget::item:selected { background: #2f6fd6; color: #ffffff; }
QWidget#sidebar QListWidget::item:hover:!selected { background: #26364c; }
QWidget#sidebar QPushButton { background: #26364c; color: #e6ecf3; border: 1px solid #33465f;
    border-radius: 5px; padding: 6px 10px; }
QWidget#sidebar QPushButton:hover { background: #2f4360; }
QWidget#sidebar QPushButton:focus { border-color: #5b9bff; }
QWidget#sidebar QPushButton:disabled { color: #5d6d82; background: #1e2a3b; }
QWidget#sidebar QPushButton#dangerButton:enabled { color: #ffb4ab; }
QLabel#pageTitle { font-size: 22px; font-weight: 600; color: #17212f; }
QLabel#mutedLabel { color: #5d6b7e; }
QLabel#placeholder { color: #5d6b7e; font-size: 15px; }
QFrame#card { background: #ffffff; border: 1px solid #dde3ea; border-left: 4px solid #aab5c3;
    border-radius: 8px; }
QFrame#card[state="good"] { border-left-color: #2e9e5b; }
QFrame#card[state="warn"] { border-left-color: #d99a1e; }
QFrame#card[state="bad"] { border-left-color: #d64545; background: #fff6f5; }
QLabel#cardCaption { color: #5d6b7e; font-size: 11px; font-weight: 600; }
QLabel#cardValue { color: #17212f; font-size: 20px; font-weight: 600; }
QLabel#cardNote { color: #3c4858; }
QFrame#card[state="bad"] QLabel#cardNote { color: #a12a2a; }
QGroupBox { background: #ffffff; border: 1px solid #dde3ea; border-radius: 8px;
    margin-top: 14px; padding: 12px 12px 10px 12px; font-weight: 600; color: #17212f; }
QGroupBox::title { subcontrol-origin: margin; left: 12px; padding: 0 4px; }
QGroupBox QLabel { font-weight: normal; }
QProgressBar { background: #e7ebf0; border: none; border-radius: 5px; }
QProgressBar::chunk { background: #2f6fd6; border-radius: 5px; }
QProgressBar[load="medium"]::chunk { background: #d99a1e; }
QProgressBar[load="high"]::chunk { background: #d64545; }
QLabel#resourceTitle { font-weight: 600; color: #17212f; }
QLabel#resourceFigures { color: #3c4858; }
QTableView { background: #ffffff; alternate-background-color: #f7f9fb; border: 1px solid #e1e6ec;
    border-radius: 4px; gridline-color: #eef1f4; font-weight: normal;
    selection-background-color: #d6e4fb; selection-color: #17212f; }
QHeaderView::section { background: #f0f3f7; color: #3c4858; border: none;
    border-bottom: 1px solid #dde3ea; padding: 6px; font-weight: 600; }
QLineEdit, QComboBox, QSpinBox { font-weight: normal; }
QFrame#errorBanner { border-radius: 6px; padding: 4px; }
QFrame#errorBanner[level="error"] { background: #fdecea; border: 1px solid #f2b8b2; }
QFrame#errorBanner[level="warning"] { background: #fff6e0; border: 1px solid #f0d48a; }
QLabel#bannerMessage { font-weight: 600; color: #17212f; }
QLabel#fieldError { color: #b3261e; }
QLabel#fieldWarning { color: #8a5a00; }
QStatusBar { background: #e9edf2; color: #3c4858; }
QStatusBar QLabel[problem="true"] { color: #b3261e; }
)";

} // namespace

void ConsoleStyle::apply(QApplication& app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = app.style()->standardPalette();
    palette.setColor(QPalette::Window, QColor(0xf4, 0xf6, 0xf9));
    palette.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd6));
    app.setPalette(palette);
    app.setStyleSheet(QString::fromUtf8(styleSheet));
}

} // namespace raysec::ui
