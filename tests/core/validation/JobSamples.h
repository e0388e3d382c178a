#pragma once

#include <QByteArray>

#include <array>

// JSON samples with URLs, kept out of the test class's file because moc misreads "//" inside
// raw string literals.
inline QByteArray sample(int index)
{
    static const std::array<const char*, 8> samples{
        R"({"working_dir":"gcs://_ray_pkg_abc.zip"})",
        R"({"pip":["https://files.pythonhosted.org/x.whl"]})",
        R"({"pip":["https://evil.example/x.whl"]})",
        R"({"pip":{"packages":["ok","git+https://github.com/x/y"]}})",
        R"({"uv":["--index-url https://mirror.evil/simple"]})",
        R"({"working_dir":"s3://bucket/code.zip"})",
        R"({"conda":{"channels":["https://conda.evil/c"],)"
        R"("dependencies":[{"pip":["http://x.evil/p.tgz"]}]}})",
        R"({"py_modules":["https://evil/m.zip"]})",
    };
    return QByteArray(samples.at(std::size_t(index)));
}
