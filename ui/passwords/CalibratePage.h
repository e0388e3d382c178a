#pragma once

#include <QPointer>
#include <QThread>
#include <QWizardPage>

#include <stop_token>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace raysec::ui {

class PolicyDraft;

// Wizard step 4: measure Argon2id on this machine and choose the passes that make one hash take
// the target time at the chosen memory (at least OWASP's 19 MiB). Calibration runs on a worker
// thread with progress and a Cancel button; cancelling keeps the previous parameters.
class CalibratePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit CalibratePage(PolicyDraft& draft, QWidget* parent = nullptr);
    ~CalibratePage() override;

    void initializePage() override;
    bool isComplete() const override;

    QSpinBox* targetMs() const { return m_ui.target; }
    QSpinBox* memoryMiB() const { return m_ui.memory; }
    QPushButton* startButton() const { return m_ui.start; }
    QPushButton* cancelButton() const { return m_ui.cancel; }
    QLabel* result() const { return m_ui.result; }
    bool isRunning() const { return m_worker != nullptr; }

Q_SIGNALS:
    void calibrationFinished();

private:
    void start();
    void cancel();
    void showParameters();

    struct Ui
    {
        QSpinBox* target = nullptr;
        QSpinBox* memory = nullptr;
        QPushButton* start = nullptr;
        QPushButton* cancel = nullptr;
        QProgressBar* progress = nullptr;
        QLabel* result = nullptr;
    };
    PolicyDraft& m_draft;
    Ui m_ui;
    QPointer<QThread> m_worker;
    std::stop_source m_stop;
};

} // namespace raysec::ui
