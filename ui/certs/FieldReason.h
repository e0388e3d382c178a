#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace raysec::ui {

// The label that says, next to a field, why its value is refused. Tests find it by the object
// name "<field>Reason".
QLabel* makeReasonLabel(QWidget* parent, const QString& fieldName);
// Shows `reason` (hidden when empty) and returns whether the field is valid.
bool showReason(QLabel* label, const QString& reason);

} // namespace raysec::ui
