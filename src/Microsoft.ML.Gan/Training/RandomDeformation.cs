using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// Random deformations of a batch, for training a classifier that must also read images drawn differently from its
/// training images (printed digits read as handwritten ones): each image gets its own random affine map (rotation,
/// scale, shear, shift) and a smooth elastic displacement (random offsets on a coarse grid, interpolated to every
/// pixel, as Simard et al. 2003 distort digits), then is resampled bilinearly; pixels mapped from outside take the
/// nearest border value, so any background stays what it was. Drawn from the device's generator, without a per-image loop.
/// </summary>
internal sealed class RandomDeformation
{
    /// <summary>Largest rotation at strength 1, in radians (15°).</summary>
    public const double MaxRotation = Math.PI / 12;

    /// <summary>Largest change of scale at strength 1, as a natural logarithm (×0.85 to ×1.17).</summary>
    public const double MaxLogScale = 0.16;

    /// <summary>Largest horizontal shear at strength 1 (x moves by this fraction of y).</summary>
    public const double MaxShear = 0.3;

    /// <summary>Largest shift at strength 1, as a fraction of the half side.</summary>
    public const double MaxShift = 0.12;

    /// <summary>Standard deviation of the elastic offsets at strength 1, as a fraction of the half side.</summary>
    public const double ElasticDeviation = 0.08;

    /// <summary>Side of the coarse grid of elastic offsets.</summary>
    public const int ElasticGrid = 4;

    private readonly double _strength;

    /// <summary>Deformations scaled by <paramref name="strength"/> (positive; 1 gives the limits above).</summary>
    public RandomDeformation(double strength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strength);
        _strength = strength;
    }

    /// <summary>The images [N, C, H, W], each deformed by its own draw.</summary>
    public Tensor Apply(Tensor images)
    {
        using var scope = NewDisposeScope();
        var (count, height, width) = (images.shape[0], images.shape[2], images.shape[3]);
        var draws = rand([count, 5], device: images.device).mul_(2).sub_(1);
        var rotation = draws[.., 0].mul(MaxRotation * _strength);
        var scale = draws[.., 1].mul(MaxLogScale * _strength).exp();
        var shear = draws[.., 2].mul(MaxShear * _strength);
        var shift = draws[.., 3..5].mul(MaxShift * _strength);
        var (cos, sin) = (rotation.cos().mul(scale), rotation.sin().mul(scale));
        var theta = stack([cos, sin.neg().add(shear), shift[.., 0], sin, cos, shift[.., 1]], 1).view(count, 2, 3);
        var grid = nn.functional.affine_grid(theta, [count, images.shape[1], height, width], align_corners: false);
        var offsets = randn([count, 2, ElasticGrid, ElasticGrid], device: images.device).mul_(ElasticDeviation * _strength);
        var elastic = nn.functional.interpolate(offsets, [height, width], mode: InterpolationMode.Bicubic, align_corners: true);
        grid = grid.add(elastic.permute(0, 2, 3, 1));
        return nn.functional.grid_sample(images, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false)
            .MoveToOuterDisposeScope();
    }
}
