#pragma once

#include "core/quotas/QuotaConfig.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace raysec {
class Database;
}

namespace raysec::ui {

// Edits the quota policies and alert thresholds kept in the store. Limits are typed as
// NAME=NUMBER lists (CPU=8,GPU=2,memory=64e9,jobs=3,submissions/h=20,TPU=4), like the CLI. A
// change is checked whole (QuotaConfig::validated) before it is saved; a refused change says
// why next to the form and leaves the stored configuration as it was.
class QuotaEditor : public QWidget
{
    Q_OBJECT

public:
    explicit QuotaEditor(Database& store, QWidget* parent = nullptr);

    void setConfig(const QuotaConfig& config);

    static QString limitsText(const QuotaLimits& limits);

Q_SIGNALS:
    void configSaved(const raysec::QuotaConfig& config);

private:
    QWidget* buildPolicyForm();
    QWidget* buildAlertForm();
    void fillTable();
    void loadSelected();
    void savePolicy();
    void removePolicy();
    void saveAlerts();
    bool store(const QuotaConfig& changed);
    void report(const QString& text, bool problem);

    Database& m_store;
    QuotaConfig m_config;
    QTableWidget* m_table = nullptr;
    QComboBox* m_subject = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_soft = nullptr;
    QLineEdit* m_hard = nullptr;
    QLineEdit* m_thresholds = nullptr;
    QLineEdit* m_hysteresis = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace raysec::ui
