using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>Chooses the libtorch device the way ML.NET chooses one for ONNX Runtime: GpuDeviceId, then FallbackToCpu.</summary>
internal static class TorchDevice
{
    /// <summary>Limits libtorch to <paramref name="threads"/> threads when given; null leaves libtorch's choice.</summary>
    public static void LimitThreads(int? threads)
    {
        if (threads is { } count)
        {
            set_num_threads(count);
        }
    }

    /// <summary>
    /// CUDA device <paramref name="gpuDeviceId"/> when it is set and present; the CPU when it is not set, or when it is
    /// missing and <paramref name="fallbackToCpu"/> allows it (said on <paramref name="channel"/>).
    /// </summary>
    public static Device Select(int? gpuDeviceId, bool fallbackToCpu, IChannel channel)
    {
        if (gpuDeviceId is not { } id)
        {
            return CPU;
        }
        var available = cuda.is_available() ? cuda.device_count() : 0;
        if (id >= 0 && id < available)
        {
            return new Device(TorchSharp.DeviceType.CUDA, id);
        }
        var reason = available == 0
            ? "CUDA is not available to TorchSharp (reference TorchSharp-cuda-linux or TorchSharp-cuda-windows instead of TorchSharp-cpu)"
            : $"only {available} CUDA device(s) are present";
        if (!fallbackToCpu)
        {
            throw new InvalidOperationException($"MLContext.GpuDeviceId is {id} but {reason}. Set MLContext.FallbackToCpu = true to train on the CPU.");
        }
        channel.Warning(MessageSensitivity.None, $"MLContext.GpuDeviceId is {id} but {reason}; training on the CPU (FallbackToCpu).");
        return CPU;
    }
}
