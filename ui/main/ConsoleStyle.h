#pragma once

class QApplication;

namespace raysec::ui {

// The console's look: Fusion with a calm light palette, a dark sidebar, cards and gauges whose
// colour follows their state (good, warn, bad). One place, so every page looks the same.
class ConsoleStyle
{
public:
    static void apply(QApplication& app);
};

} // namespace raysec::ui
