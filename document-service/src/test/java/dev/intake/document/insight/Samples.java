package dev.intake.document.insight;

/** Short real-world-like texts in each supported language, written for these tests. */
final class Samples {

    static final String ENGLISH = """
            Our company reviewed the quarterly report on renewable energy projects. The report shows that \
            solar installations grew faster than wind farms in the northern region. Investors asked whether \
            the energy storage budget would be approved before the end of the year. The board will discuss \
            the storage question at the next meeting, and the finance team will prepare a detailed forecast.""";

    static final String GERMAN = """
            Die Stadtverwaltung hat den Bericht über die Sanierung der Schulen veröffentlicht. Nach dem \
            Bericht müssen in diesem Jahr vier Schulen saniert werden, weil die Heizungen sehr alt sind. \
            Die Eltern wollen wissen, ob der Unterricht während der Bauarbeiten in anderen Gebäuden \
            stattfinden wird. Der Bürgermeister sagte, dass die Finanzierung der Sanierung gesichert ist.""";

    static final String FRENCH = """
            La mairie a présenté le nouveau plan de transport pour la ville. Selon ce plan, les lignes de \
            bus seront prolongées vers les quartiers du nord et les horaires du soir seront étendus. Les \
            habitants pourront donner leur avis sur le projet pendant une consultation publique qui \
            commence le mois prochain. Le budget du transport sera voté en décembre.""";

    static final String SPANISH = """
            El ayuntamiento presentó el nuevo plan de reciclaje para los barrios del centro. Según el plan, \
            los vecinos tendrán contenedores separados para el vidrio y el papel, y la recogida será dos \
            veces por semana. Los comercios también deberán separar sus residuos antes del verano. El \
            alcalde dijo que el reciclaje es una prioridad para la ciudad.""";

    static final String ITALIAN = """
            Il comune ha approvato il progetto per la nuova biblioteca nel centro della città. La biblioteca \
            avrà una sala per i bambini e uno spazio per lo studio aperto anche la sera. I lavori \
            inizieranno in primavera e dovrebbero finire entro due anni. Il sindaco ha detto che la \
            cultura è importante per tutti i cittadini.""";

    static final String DUTCH = """
            De gemeente heeft het nieuwe plan voor de fietspaden in het centrum gepresenteerd. Volgens het \
            plan worden de fietspaden breder en komen er meer plekken om fietsen te parkeren. De bewoners \
            kunnen hun mening geven tijdens een bijeenkomst in het stadhuis. De wethouder zei dat het \
            plan voor de zomer klaar moet zijn.""";

    static final String PORTUGUESE = """
            A prefeitura apresentou o novo programa de saúde para as escolas da cidade. Segundo o \
            programa, os alunos vão receber consultas com dentistas e nutricionistas durante o ano. Os \
            pais podem acompanhar as consultas e receber orientações sobre alimentação. O secretário \
            disse que o programa de saúde será ampliado para outras regiões no próximo ano.""";

    private Samples() {
    }
}
