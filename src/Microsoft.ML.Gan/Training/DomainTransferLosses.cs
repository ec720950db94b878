namespace Microsoft.ML.Gan.Training;

/// <summary>The losses of one Domain Transfer Network step.</summary>
/// <param name="GeneratorLoss">G's total: L_GANG + α L_CONST + β L_TID + γ L_TV.</param>
/// <param name="DiscriminatorLoss">L_D.</param>
/// <param name="Adversarial">L_GANG.</param>
/// <param name="Constancy">L_CONST, unweighted.</param>
/// <param name="Identity">L_TID, unweighted.</param>
/// <param name="TotalVariation">L_TV, unweighted.</param>
/// <param name="RealScore">The discriminator's mean probability that real target images are real target images.</param>
/// <param name="SourceScore">The discriminator's mean probability that G(s) images are real target images.</param>
internal readonly record struct DomainTransferLosses(float GeneratorLoss, float DiscriminatorLoss, float Adversarial,
    float Constancy, float Identity, float TotalVariation, float RealScore, float SourceScore);
