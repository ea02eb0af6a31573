package com.lightpress.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The template checks find the mistakes they exist for, so a green run of them means something. */
class TemplateCheckerTests {

    private static final String HEADER = """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Name:
                Type: String
                Description: a name
              Subnets:
                Type: List<AWS::EC2::Subnet::Id>
                Description: subnets
            Conditions:
              WithQueue: !Equals [!Ref Name, queue]
            Resources:
            """;

    @Test
    void reportsReferencesToNothing() {
        var problems = references("""
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub ${Missing}-queue
                      KmsMasterKeyId: !Ref AlsoMissing
                      Tags:
                        - Key: arn
                          Value: !GetAtt Queue.NoSuchAttribute
                """);

        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem).contains("Missing is no parameter"))
                .anySatisfy(problem -> assertThat(problem).contains("AlsoMissing is no parameter"))
                .anySatisfy(problem -> assertThat(problem).contains("no attribute NoSuchAttribute"));
    }

    @Test
    void reportsAConditionalResourceUsedWhereItsConditionMayNotHold() {
        var problems = references("""
                  Queue:
                    Type: AWS::SQS::Queue
                    Condition: WithQueue
                  Guarded:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !If [WithQueue, !GetAtt Queue.QueueName, !Ref AWS::NoValue]
                  Unguarded:
                    Type: AWS::SQS::Queue
                    DependsOn: Queue
                """);

        assertThat(problems).singleElement().asString().contains("Unguarded", "only when WithQueue holds");
    }

    @Test
    void acceptsPseudoParametersAndEscapedSubstitutions() {
        assertThat(references("""
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub ${AWS::StackName}-${Name}-${!Literal}
                """)).isEmpty();
    }

    @Test
    void reportsWhatTheResourceSpecificationForbids() {
        var problems = specification("""
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueNam: misspelt
                      VisibilityTimeout: [30]
                      DelaySeconds: !Ref Subnets
                  Rule:
                    Type: AWS::ElasticLoadBalancingV2::ListenerRule
                    Properties:
                      Priority: 1
                      Actions: []
                  Thing:
                    Type: AWS::NoSuch::Thing
                """);

        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem).contains("unknown property QueueNam"))
                .anySatisfy(problem -> assertThat(problem).contains("VisibilityTimeout: expected Integer"))
                .anySatisfy(problem -> assertThat(problem).contains("Subnets is a list"))
                .anySatisfy(problem -> assertThat(problem).contains("required property Conditions is missing"))
                .anySatisfy(problem -> assertThat(problem).contains("unknown resource type AWS::NoSuch::Thing"));
    }

    @Test
    void checksNestedPropertyTypesAndBothBranchesOfAnIf() {
        var problems = specification("""
                  Service:
                    Type: AWS::ECS::Service
                    Properties:
                      DeploymentConfiguration:
                        DeploymentCircuitBreaker:
                          Enable: true
                      LoadBalancers: !If
                        - WithQueue
                        - - ContainerPort: 8080
                            Bogus: 1
                        - !Ref AWS::NoValue
                """);

        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem).contains("required property Rollback is missing"))
                .anySatisfy(problem -> assertThat(problem).contains("unknown property Bogus"));
    }

    @Test
    void refusesDuplicateKeys() {
        assertThatThrownBy(() -> CloudFormationYaml.parse("""
                        Resources:
                          Queue:
                            Type: AWS::SQS::Queue
                          Queue:
                            Type: AWS::SQS::Queue
                        """)).hasMessageContaining("duplicate key");
    }

    private static List<String> references(String resources) {
        return TemplateReferences.check(template(resources), ResourceSpecification.load());
    }

    private static List<String> specification(String resources) {
        return ResourceSpecification.load().check(template(resources));
    }

    private static Template template(String resources) {
        return new Template(Path.of("inline.yaml"), CloudFormationYaml.parse(HEADER + resources));
    }
}
