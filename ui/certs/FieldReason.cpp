#include "ui/certs/FieldReason.h"

#include <QLabel>

namespace raysec::ui {

QLabel* makeReasonLabel(QWidget* parent, const QString& fieldName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(fieldName + QStringLiteral("Reason"));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    label->setVisible(false);
    return label;
}

bool showReason(QLabel* label, const QString& reason)
{
    label->setText(reason);
    label->setVisible(!reason.isEmpty());
    return reason.isEmpty();
}

} // namespace raysec::ui
