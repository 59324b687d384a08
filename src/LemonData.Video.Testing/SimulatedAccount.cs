using System;

namespace LemonData.Video.Testing;

/// <summary>
/// The simulated account's credit: each task created is charged <see cref="LemonDataSimulatorOptions.VideoCostUsd"/>, and a
/// create the balance cannot pay for is refused with 402 (nothing created), as the service refuses it. Thread-safe: the
/// check and the charge are one step, so two creates racing for the last credit cannot both pass.
/// </summary>
internal sealed class SimulatedAccount
{
    private readonly object _gate = new();
    private readonly decimal _videoCost;
    private decimal? _balance;

    public SimulatedAccount(decimal? balance, decimal videoCost)
    {
        _balance = balance;
        _videoCost = videoCost;
    }

    public decimal VideoCost => _videoCost;

    /// <summary>The balance left, or <see langword="null"/> for an account without a limit.</summary>
    public decimal? Balance
    {
        get
        {
            lock (_gate)
            {
                return _balance;
            }
        }

        set
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The balance must not be negative.");
            }

            lock (_gate)
            {
                _balance = value;
            }
        }
    }

    /// <summary>Charges one video; false (and nothing charged) when the balance cannot pay for it.</summary>
    public bool TryCharge(out decimal balanceLeft)
    {
        lock (_gate)
        {
            if (_balance is not { } balance)
            {
                balanceLeft = 0;
                return true;
            }

            if (balance < _videoCost)
            {
                balanceLeft = balance;
                return false;
            }

            _balance = balance - _videoCost;
            balanceLeft = _balance.Value;
            return true;
        }
    }
}
