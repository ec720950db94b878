namespace Microsoft.ML.Gan.Training;

/// <summary>What one adversarial step measured.</summary>
/// <param name="GeneratorLoss">The generator's loss.</param>
/// <param name="DiscriminatorLoss">The discriminator's loss (real and fake terms together).</param>
/// <param name="RealScore">Mean discriminator probability that the real images are real.</param>
/// <param name="FakeScore">Mean discriminator probability that the generated images are real (before the generator step).</param>
internal readonly record struct StepLosses(float GeneratorLoss, float DiscriminatorLoss, float RealScore, float FakeScore);
