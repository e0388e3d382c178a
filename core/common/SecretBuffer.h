#pragma once

#include <cstddef>
#include <span>
#include <string_view>

class QIODevice;

namespace raysec {

// Holds one secret (token, passphrase, key, password) in memory from libsodium's guarded
// allocator: locked against swapping, surrounded by guard pages and wiped when released.
// Move-only, so a secret has exactly one owner; never convert it to QString.
class SecretBuffer
{
public:
    SecretBuffer() = default;
    explicit SecretBuffer(std::size_t size); // zero-filled
    SecretBuffer(const char* data, std::size_t size);
    static SecretBuffer fromView(std::string_view bytes) { return {bytes.data(), bytes.size()}; }

    ~SecretBuffer();
    SecretBuffer(SecretBuffer&& other) noexcept;
    SecretBuffer& operator=(SecretBuffer&& other) noexcept;
    SecretBuffer(const SecretBuffer&) = delete;
    SecretBuffer& operator=(const SecretBuffer&) = delete;

    // An explicit copy, for the rare place that must keep a second owner.
    SecretBuffer clone() const { return {data(), size()}; }

    bool isEmpty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    char* data() { return m_data; }
    const char* data() const { return m_data; }
    std::string_view view() const { return {m_data ? m_data : "", m_size}; }
    std::span<const unsigned char> bytes() const;
    std::span<unsigned char> bytes();

    // Appends bytes, moving the contents into a larger guarded block when needed.
    void append(const char* data, std::size_t size);
    void append(std::string_view bytes) { append(bytes.data(), bytes.size()); }
    // Shortens the secret, wiping the bytes that fall off.
    void truncate(std::size_t size);
    void clear();

    // Constant-time comparison (length is not hidden).
    bool equals(const SecretBuffer& other) const;

    // Reads one secret from a device (stdin, a file) up to a newline or the end, whichever is
    // first, without passing it through QByteArray. Stops at maxSize bytes.
    static SecretBuffer readLine(QIODevice& device, std::size_t maxSize = 64 * 1024);
    static SecretBuffer readAll(QIODevice& device, std::size_t maxSize = 1024 * 1024);

private:
    void reserve(std::size_t capacity);

    char* m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

} // namespace raysec
